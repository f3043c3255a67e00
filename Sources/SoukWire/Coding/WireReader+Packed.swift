extension WireReader {
  /// Reads a packed record's length and prepares to read `count` elements of a varint type.
  ///
  /// Counts the varints in the payload (the bytes without a continuation bit), checks the element limit and
  /// reserves room for exactly that many more elements, never more than the payload's byte count. Returns the
  /// offset just past the payload; the caller narrows `end` to it while reading the elements.
  @inlinable
  internal mutating func beginPackedVarints<Element>(
    appendingTo values: inout [Element]
  ) throws(WireDecodingError) -> (payloadEnd: Int, count: Int) {
    let length = try self.readLength()
    var count = 0
    var offset = self.position
    let payloadEnd = offset &+ length
    while offset < payloadEnd {
      count &+= Int(
        truncatingIfNeeded: ~self.base.load(fromByteOffset: offset, as: UInt8.self) &>> 7
      )
      offset &+= 1
    }
    let needed = values.count &+ count
    try self.checkElementCount(needed)
    if values.capacity < needed {
      values.reserveCapacity(Swift.max(needed, values.count &* 2))
    }
    return (payloadEnd, count)
  }

  /// Reads the elements of a packed varint payload with `read`, then restores the enclosing message's end.
  @inlinable
  internal mutating func readPackedVarints<Element>(
    appendingTo values: inout [Element],
    _ read: (inout WireReader) throws(WireDecodingError) -> Element
  ) throws(WireDecodingError) {
    let (payloadEnd, _) = try self.beginPackedVarints(appendingTo: &values)
    let savedEnd = self.end
    self.end = payloadEnd
    while self.position < payloadEnd {
      values.append(try read(&self))
    }
    self.end = savedEnd
  }

  /// Reads a packed fixed-width payload of `elementSize`-byte elements by copying it into `values`.
  @inlinable
  internal mutating func readPackedFixed<Element: BitwiseCopyable>(
    appendingTo values: inout [Element],
    elementSize: Int,
    zero: Element,
    load: (UnsafeRawPointer) -> Element
  ) throws(WireDecodingError) {
    let start = self.position
    let length = try self.readLength()
    guard length % elementSize == 0 else {
      throw self.truncatedPackedError(length: length, elementSize: elementSize, at: start)
    }
    let count = length / elementSize
    let oldCount = values.count
    try self.checkElementCount(oldCount &+ count)
    let source = self.base + self.position
    #if _endian(little)
      values.append(contentsOf: repeatElement(zero, count: count))
      values.withUnsafeMutableBytes { destination in
        guard let destinationBase = destination.baseAddress, length > 0 else { return }
        (destinationBase + oldCount &* elementSize).copyMemory(from: source, byteCount: length)
      }
    #else
      values.reserveCapacity(oldCount &+ count)
      for index in 0..<count { values.append(load(source + index &* elementSize)) }
    #endif
    self.position &+= length
  }

  /// Reads a packed bool record and appends its elements; any non-zero varint is `true`.
  @inlinable
  public mutating func readPackedBool(appendingTo values: inout [Bool]) throws(WireDecodingError) {
    try self.readPackedVarints(appendingTo: &values) {
      (reader: inout WireReader) throws(WireDecodingError) in
      try reader.readBool()
    }
  }

  /// Reads a packed int32 record and appends its elements.
  @inlinable
  public mutating func readPackedInt32(appendingTo values: inout [Int32]) throws(WireDecodingError) {
    try self.readPackedVarints(appendingTo: &values) {
      (reader: inout WireReader) throws(WireDecodingError) in
      try reader.readInt32()
    }
  }

  /// Reads a packed int64 record and appends its elements.
  @inlinable
  public mutating func readPackedInt64(appendingTo values: inout [Int64]) throws(WireDecodingError) {
    try self.readPackedVarints(appendingTo: &values) {
      (reader: inout WireReader) throws(WireDecodingError) in
      try reader.readInt64()
    }
  }

  /// Reads a packed uint32 record and appends its elements.
  @inlinable
  public mutating func readPackedUInt32(
    appendingTo values: inout [UInt32]
  ) throws(WireDecodingError) {
    try self.readPackedVarints(appendingTo: &values) {
      (reader: inout WireReader) throws(WireDecodingError) in
      try reader.readUInt32()
    }
  }

  /// Reads a packed uint64 record and appends its elements.
  @inlinable
  public mutating func readPackedUInt64(
    appendingTo values: inout [UInt64]
  ) throws(WireDecodingError) {
    try self.readPackedVarints(appendingTo: &values) {
      (reader: inout WireReader) throws(WireDecodingError) in
      try reader.readUInt64()
    }
  }

  /// Reads a packed float record and appends its elements.
  ///
  /// - Throws: ``WireDecodingError/Code/truncated`` if the payload is not a multiple of 4 bytes.
  @inlinable
  public mutating func readPackedFloat(appendingTo values: inout [Float]) throws(WireDecodingError) {
    try self.readPackedFixed(appendingTo: &values, elementSize: 4, zero: 0) { pointer in
      Float(bitPattern: UInt32(littleEndian: pointer.loadUnaligned(as: UInt32.self)))
    }
  }

  /// Reads a packed double record and appends its elements.
  ///
  /// - Throws: ``WireDecodingError/Code/truncated`` if the payload is not a multiple of 8 bytes.
  @inlinable
  public mutating func readPackedDouble(
    appendingTo values: inout [Double]
  ) throws(WireDecodingError) {
    try self.readPackedFixed(appendingTo: &values, elementSize: 8, zero: 0) { pointer in
      Double(bitPattern: UInt64(littleEndian: pointer.loadUnaligned(as: UInt64.self)))
    }
  }

  /// Reads a packed enum record and appends its elements; unknown numbers become `unrecognized` cases.
  @inlinable
  public mutating func readPackedEnum<E: WireEnum>(
    appendingTo values: inout [E]
  ) throws(WireDecodingError) {
    try self.readPackedVarints(appendingTo: &values) {
      (reader: inout WireReader) throws(WireDecodingError) -> E in
      try reader.readEnum()
    }
  }
}
