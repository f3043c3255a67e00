/// Writes encoded values into memory that was sized beforehand with `encodedSize()`.
///
/// Only the runtime creates writers (``WireMessage/encode(into:)`` and ``WireMessage/encodedBytes()``); generated
/// `encode(to:)` methods call its methods in field order. Every method except ``writeTag(_:)`` writes a value
/// without its tag. Each write checks that it stays inside the reserved memory and traps otherwise, so an
/// `encodedSize()` that disagrees with `encode(to:)` is caught instead of corrupting memory.
public struct WireWriter {
  /// The start of the memory reserved for the encoding.
  @usableFromInline
  internal let base: UnsafeMutableRawPointer

  /// The number of bytes reserved at `base`.
  @usableFromInline
  internal let capacity: Int

  /// The number of bytes written so far.
  @usableFromInline
  internal var position: Int

  /// Creates a writer over `capacity` bytes at `base`; the memory must stay valid while the writer is used.
  @inlinable
  internal init(base: UnsafeMutableRawPointer, capacity: Int) {
    self.base = base
    self.capacity = capacity
    self.position = 0
  }

  /// Traps unless `count` more bytes fit; the single bounds check behind every write.
  @inlinable
  @inline(__always)
  internal func checkCapacity(_ count: Int) {
    precondition(
      count <= self.capacity &- self.position,
      "SoukWire: encode(to:) wrote more than encodedSize() reserved"
    )
  }

  /// Writes a tag: the varint of `(fieldNumber << 3) | wireType`, precomputed by the generator.
  @inlinable
  public mutating func writeTag(_ tag: UInt32) {
    if tag < 0x80 {
      self.checkCapacity(1)
      self.base.storeBytes(
        of: UInt8(truncatingIfNeeded: tag),
        toByteOffset: self.position,
        as: UInt8.self
      )
      self.position &+= 1
    } else {
      self.writeVarint(UInt64(tag))
    }
  }

  /// Writes `value` as a minimal varint.
  @inlinable
  public mutating func writeVarint(_ value: UInt64) {
    if value < 0x80 {
      self.checkCapacity(1)
      self.base.storeBytes(
        of: UInt8(truncatingIfNeeded: value),
        toByteOffset: self.position,
        as: UInt8.self
      )
      self.position &+= 1
      return
    }
    let size = WireSize.varint(value)
    self.checkCapacity(size)
    var pointer = self.base + self.position
    var remaining = value
    while remaining >= 0x80 {
      pointer.storeBytes(of: UInt8(truncatingIfNeeded: remaining) | 0x80, as: UInt8.self)
      pointer += 1
      remaining &>>= 7
    }
    pointer.storeBytes(of: UInt8(truncatingIfNeeded: remaining), as: UInt8.self)
    self.position &+= size
  }

  /// Writes a bool as the varint 0 or 1.
  @inlinable
  public mutating func writeBool(_ value: Bool) {
    self.checkCapacity(1)
    self.base.storeBytes(of: value ? 1 : 0, toByteOffset: self.position, as: UInt8.self)
    self.position &+= 1
  }

  /// Writes an int32 as a zigzag varint.
  @inlinable
  public mutating func writeInt32(_ value: Int32) {
    self.writeVarint(UInt64(ZigZag.encode32(value)))
  }

  /// Writes an int64 as a zigzag varint.
  @inlinable
  public mutating func writeInt64(_ value: Int64) {
    self.writeVarint(ZigZag.encode64(value))
  }

  /// Writes a uint32 as a varint.
  @inlinable
  public mutating func writeUInt32(_ value: UInt32) {
    self.writeVarint(UInt64(value))
  }

  /// Writes a uint64 as a varint.
  @inlinable
  public mutating func writeUInt64(_ value: UInt64) {
    self.writeVarint(value)
  }

  /// Writes a float as its 4 IEEE 754 bytes, little-endian.
  @inlinable
  public mutating func writeFloat(_ value: Float) {
    self.checkCapacity(4)
    self.base.storeBytes(
      of: value.bitPattern.littleEndian,
      toByteOffset: self.position,
      as: UInt32.self
    )
    self.position &+= 4
  }

  /// Writes a double as its 8 IEEE 754 bytes, little-endian.
  @inlinable
  public mutating func writeDouble(_ value: Double) {
    self.checkCapacity(8)
    self.base.storeBytes(
      of: value.bitPattern.littleEndian,
      toByteOffset: self.position,
      as: UInt64.self
    )
    self.position &+= 8
  }

  /// Writes a string: the varint of its UTF-8 byte count, then the bytes, copied from the string's storage.
  @inlinable
  public mutating func writeString(_ value: String) {
    let copied: Void? = value.utf8.withContiguousStorageIfAvailable { utf8 in
      self.writeVarint(UInt64(utf8.count))
      self.writeRaw(UnsafeRawBufferPointer(utf8))
    }
    if copied == nil {
      self.writeNonContiguousString(value)
    }
  }

  /// Writes a string whose UTF-8 is not stored contiguously (e.g. a bridged or lazily transcoded string).
  @usableFromInline
  internal mutating func writeNonContiguousString(_ value: String) {
    var native = value
    native.withUTF8 { utf8 in
      self.writeVarint(UInt64(utf8.count))
      self.writeRaw(UnsafeRawBufferPointer(utf8))
    }
  }

  /// Writes a bytes value: the varint of its count, then the bytes.
  @inlinable
  public mutating func writeBytes(_ value: [UInt8]) {
    self.writeVarint(UInt64(value.count))
    value.withUnsafeBytes { self.writeRaw($0) }
  }

  /// Writes an enum value as the varint of its number, taken as a uint32.
  @inlinable
  public mutating func writeEnum<E: WireEnum>(_ value: E) {
    self.writeVarint(UInt64(UInt32(bitPattern: value.rawValue)))
  }

  /// Writes a nested message: the varint of its `encodedSize()`, then its fields.
  ///
  /// Traps if the message's `encode(to:)` writes a different number of bytes than its `encodedSize()`.
  @inlinable
  public mutating func writeMessage<M: WireMessage>(_ message: M) {
    let size = message.encodedSize()
    self.writeVarint(UInt64(size))
    let start = self.position
    message.encode(to: &self)
    precondition(
      self.position &- start == size,
      "SoukWire: encode(to:) and encodedSize() disagree for a nested message"
    )
  }

  /// Writes the records kept in `unknownFields`, byte for byte.
  @inlinable
  public mutating func writeUnknownFields(_ unknownFields: UnknownFields) {
    if unknownFields.storage.isEmpty { return }
    unknownFields.storage.withUnsafeBytes { self.writeRaw($0) }
  }

  /// Copies `bytes` as they are.
  @inlinable
  internal mutating func writeRaw(_ bytes: UnsafeRawBufferPointer) {
    let count = bytes.count
    guard count > 0, let source = bytes.baseAddress else { return }
    self.checkCapacity(count)
    (self.base + self.position).copyMemory(from: source, byteCount: count)
    self.position &+= count
  }
}
