extension WireReader {
  /// Reads a bool varint; any non-zero value is `true`.
  @inlinable
  public mutating func readBool() throws(WireDecodingError) -> Bool {
    try self.readVarint() != 0
  }

  /// Reads a zigzag int32.
  ///
  /// - Throws: ``WireDecodingError/Code/valueOutOfRange`` if the varint does not fit 32 bits.
  @inlinable
  public mutating func readInt32() throws(WireDecodingError) -> Int32 {
    let start = self.position
    let value = try self.readVarint()
    guard value <= UInt64(UInt32.max) else {
      throw self.valueOutOfRangeError(value, type: "int32", at: start)
    }
    return ZigZag.decode32(UInt32(truncatingIfNeeded: value))
  }

  /// Reads a zigzag int64.
  @inlinable
  public mutating func readInt64() throws(WireDecodingError) -> Int64 {
    ZigZag.decode64(try self.readVarint())
  }

  /// Reads a uint32 varint.
  ///
  /// - Throws: ``WireDecodingError/Code/valueOutOfRange`` if the varint does not fit 32 bits.
  @inlinable
  public mutating func readUInt32() throws(WireDecodingError) -> UInt32 {
    let start = self.position
    let value = try self.readVarint()
    guard value <= UInt64(UInt32.max) else {
      throw self.valueOutOfRangeError(value, type: "uint32", at: start)
    }
    return UInt32(truncatingIfNeeded: value)
  }

  /// Reads a uint64 varint.
  @inlinable
  public mutating func readUInt64() throws(WireDecodingError) -> UInt64 {
    try self.readVarint()
  }

  /// Reads a float: 4 little-endian bytes.
  @inlinable
  public mutating func readFloat() throws(WireDecodingError) -> Float {
    try self.checkRemaining(4)
    let bits = self.base.loadUnaligned(fromByteOffset: self.position, as: UInt32.self)
    self.position &+= 4
    return Float(bitPattern: UInt32(littleEndian: bits))
  }

  /// Reads a double: 8 little-endian bytes.
  @inlinable
  public mutating func readDouble() throws(WireDecodingError) -> Double {
    try self.checkRemaining(8)
    let bits = self.base.loadUnaligned(fromByteOffset: self.position, as: UInt64.self)
    self.position &+= 8
    return Double(bitPattern: UInt64(littleEndian: bits))
  }

  /// Reads a length-prefixed string and validates its UTF-8.
  ///
  /// - Throws: ``WireDecodingError/Code/invalidUTF8`` if the bytes are not valid UTF-8.
  @inlinable
  public mutating func readString() throws(WireDecodingError) -> String {
    let length = try self.readLength()
    if length == 0 { return "" }
    let start = self.position
    let utf8 = UnsafeBufferPointer(
      start: (self.base + start).assumingMemoryBound(to: UInt8.self),
      count: length
    )
    guard let value = WireReader.validatedString(utf8) else {
      throw self.invalidUTF8Error(length: length, at: start)
    }
    self.position &+= length
    return value
  }

  /// Reads a length-prefixed bytes value into a new array.
  @inlinable
  public mutating func readBytes() throws(WireDecodingError) -> [UInt8] {
    let length = try self.readLength()
    if length == 0 { return [] }
    let value = [UInt8](UnsafeRawBufferPointer(start: self.base + self.position, count: length))
    self.position &+= length
    return value
  }

  /// Reads an enum varint; a number the enum does not name becomes its `unrecognized` case.
  ///
  /// - Throws: ``WireDecodingError/Code/valueOutOfRange`` if the varint does not fit 32 bits.
  @inlinable
  public mutating func readEnum<E: WireEnum>() throws(WireDecodingError) -> E {
    let start = self.position
    let value = try self.readVarint()
    guard value <= UInt64(UInt32.max) else {
      throw self.valueOutOfRangeError(value, type: "enum", at: start)
    }
    return E(rawValue: Int32(bitPattern: UInt32(truncatingIfNeeded: value)))
  }

  /// Makes a string from `utf8`, or returns `nil` if the bytes are not valid UTF-8.
  ///
  /// `String(validating:as:)` goes through unspecialized generic code (a metadata lookup per call), which made it
  /// the most expensive step of decoding a message. Instead: ASCII (checked 8 bytes at a time) is valid as it
  /// is; otherwise the bytes are decoded with the specialized repairing initializer and the result is accepted
  /// only if it is byte for byte the input (repairing always produces valid UTF-8, so an unchanged result
  /// proves the input was valid).
  @inlinable
  internal static func validatedString(_ utf8: UnsafeBufferPointer<UInt8>) -> String? {
    guard let start = utf8.baseAddress else { return "" }
    let value = String(decoding: utf8, as: UTF8.self)
    if Self.isASCII(UnsafeRawPointer(start), count: utf8.count) { return value }
    let unchanged = value.utf8.withContiguousStorageIfAvailable { decoded in
      guard decoded.count == utf8.count, let decodedStart = decoded.baseAddress else {
        return false
      }
      return Self.bytesEqual(
        UnsafeRawPointer(decodedStart),
        UnsafeRawPointer(start),
        count: utf8.count
      )
    }
    // Native strings always have contiguous UTF-8; the fallback only guards against that changing.
    return (unchanged ?? value.utf8.elementsEqual(utf8)) ? value : nil
  }

  /// Whether all `count` bytes at `start` are below 0x80.
  @inlinable
  internal static func isASCII(_ start: UnsafeRawPointer, count: Int) -> Bool {
    var bits: UInt64 = 0
    var offset = 0
    while offset &+ 8 <= count {
      bits |= start.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
      offset &+= 8
    }
    while offset < count {
      bits |= UInt64(start.load(fromByteOffset: offset, as: UInt8.self))
      offset &+= 1
    }
    return bits & 0x8080_8080_8080_8080 == 0
  }

  /// Whether the `count` bytes at `first` and at `second` are equal.
  @inlinable
  internal static func bytesEqual(
    _ first: UnsafeRawPointer,
    _ second: UnsafeRawPointer,
    count: Int
  ) -> Bool {
    var offset = 0
    while offset &+ 8 <= count {
      if first.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
        != second.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
      {
        return false
      }
      offset &+= 8
    }
    while offset < count {
      if first.load(fromByteOffset: offset, as: UInt8.self)
        != second.load(fromByteOffset: offset, as: UInt8.self)
      {
        return false
      }
      offset &+= 1
    }
    return true
  }
}
