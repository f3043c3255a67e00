/// Reads encoded values straight from the input's memory, without copying it.
///
/// Only the runtime creates readers (``WireMessage/init(decoding:limits:)-(ByteBuffer,_)``); generated
/// `decode(from:)` methods loop over ``nextTag()`` and call the `read` method the tag's field expects. Nested
/// messages and map entries are read by narrowing the same reader to their bytes, so they share the input's
/// memory. Every failure is a ``WireDecodingError`` with the absolute offset and the innermost message and
/// field; no input makes a reader trap or allocate more than the input's length justifies.
public struct WireReader {
  /// The first byte of the input; offsets are counted from here.
  @usableFromInline
  internal let base: UnsafeRawPointer

  /// The offset of the next byte to read.
  @usableFromInline
  internal var position: Int

  /// The offset just past the message (or map entry, or packed payload) being read.
  @usableFromInline
  internal var end: Int

  /// The limits this decoding enforces.
  @usableFromInline
  internal let limits: DecodingLimits

  /// How many messages (map entries included) enclose the one being read; 0 for the top-level message.
  @usableFromInline
  internal var depth: Int

  /// The innermost message being read, for error context.
  @usableFromInline
  internal var messageType: any WireMessage.Type

  /// The field number of the last tag read in the innermost message, 0 before the first one.
  @usableFromInline
  internal var fieldNumber: UInt32

  /// When reading a map entry, the map's field number in `messageType`; otherwise 0.
  @usableFromInline
  internal var mapFieldNumber: UInt32

  /// The offset of the last tag read, where an unknown field's record starts.
  @usableFromInline
  internal var tagStart: Int

  /// Creates a reader over `count` bytes at `base`, which must stay valid while the reader is used.
  @inlinable
  internal init(
    base: UnsafeRawPointer,
    count: Int,
    limits: DecodingLimits,
    messageType: any WireMessage.Type
  ) {
    self.base = base
    self.position = 0
    self.end = count
    self.limits = limits
    self.depth = 0
    self.messageType = messageType
    self.fieldNumber = 0
    self.mapFieldNumber = 0
    self.tagStart = 0
  }

  /// Reads the next tag, or returns `nil` at the end of the current message.
  ///
  /// The tag is the decoded `(fieldNumber << 3) | wireType`. It is validated: the wire type is 0, 1, 2 or 5, the
  /// field number is not 0 and the tag fits 32 bits.
  ///
  /// - Throws: ``WireDecodingError`` with ``WireDecodingError/Code/invalidWireType``,
  ///   ``WireDecodingError/Code/invalidFieldNumber``, or a varint error.
  @inlinable
  public mutating func nextTag() throws(WireDecodingError) -> UInt32? {
    guard self.position < self.end else { return nil }
    self.tagStart = self.position
    let first = self.base.load(fromByteOffset: self.position, as: UInt8.self)
    let tag: UInt32
    if first < 0x80 {
      self.position &+= 1
      tag = UInt32(truncatingIfNeeded: first)
    } else {
      self.fieldNumber = 0
      let value = try self.readVarintSlow()
      guard value <= UInt64(UInt32.max) else { throw self.tagTooLargeError(value) }
      tag = UInt32(truncatingIfNeeded: value)
    }
    self.fieldNumber = tag &>> 3
    // Valid wire types are 0, 1, 2 and 5: bits 0, 1, 2 and 5 of the mask.
    guard (0b10_0111 as UInt32) &>> (tag & 7) & 1 == 1 else { throw self.invalidWireTypeError(tag) }
    guard tag >= 8 else { throw self.invalidFieldNumberError(tag) }
    return tag
  }

  /// Reads a varint; the fast path handles single-byte values inline.
  @inlinable
  internal mutating func readVarint() throws(WireDecodingError) -> UInt64 {
    if self.position < self.end {
      let first = self.base.load(fromByteOffset: self.position, as: UInt8.self)
      if first < 0x80 {
        self.position &+= 1
        return UInt64(truncatingIfNeeded: first)
      }
    }
    return try self.readVarintSlow()
  }

  /// Reads a varint of any length, accepting over-long forms; at most 10 bytes, the 10th being 0 or 1.
  @usableFromInline
  internal mutating func readVarintSlow() throws(WireDecodingError) -> UInt64 {
    let start = self.position
    var offset = start
    var result: UInt64 = 0
    var shift: UInt64 = 0
    while true {
      guard offset < self.end else { throw self.truncatedVarintError(at: start) }
      let byte = self.base.load(fromByteOffset: offset, as: UInt8.self)
      offset &+= 1
      if shift == 63 {
        guard byte <= 1 else { throw self.malformedVarintError(at: start) }
        result |= UInt64(truncatingIfNeeded: byte) &<< 63
        break
      }
      result |= UInt64(truncatingIfNeeded: byte & 0x7F) &<< shift
      if byte < 0x80 { break }
      shift &+= 7
    }
    self.position = offset
    return result
  }

  /// Reads a length prefix and checks that that many bytes remain in the current message.
  @inlinable
  internal mutating func readLength() throws(WireDecodingError) -> Int {
    let start = self.position
    let length = try self.readVarint()
    let remaining = self.end &- self.position
    guard length <= UInt64(remaining) else {
      throw self.lengthExceedsRemainingError(length: length, remaining: remaining, at: start)
    }
    return Int(truncatingIfNeeded: length)
  }

  /// Checks that `count` more bytes remain for a fixed-width value.
  @inlinable
  internal func checkRemaining(_ count: Int) throws(WireDecodingError) {
    guard self.end &- self.position >= count else { throw self.truncatedFixedError(needed: count) }
  }

  /// Skips the value of a field whose tag was just read, discarding it (used for unknown map entry fields).
  ///
  /// - Throws: ``WireDecodingError`` if the value is truncated or malformed.
  @inlinable
  public mutating func skipField(tag: UInt32) throws(WireDecodingError) {
    switch tag & 7 {
    case 0:
      _ = try self.readVarint()
    case 1:
      try self.checkRemaining(8)
      self.position &+= 8
    case 2:
      let length = try self.readLength()
      self.position &+= length
    case 5:
      try self.checkRemaining(4)
      self.position &+= 4
    default:
      throw self.invalidWireTypeError(tag)
    }
  }

  /// Keeps the field whose tag was just read as a raw record (tag and value bytes, verbatim) in `unknownFields`.
  ///
  /// - Throws: ``WireDecodingError`` if the value is truncated or malformed.
  @inlinable
  public mutating func readUnknownField(
    tag: UInt32,
    into unknownFields: inout UnknownFields
  ) throws(WireDecodingError) {
    let start = self.tagStart
    try self.skipField(tag: tag)
    unknownFields.storage.append(
      contentsOf: UnsafeRawBufferPointer(start: self.base + start, count: self.position &- start)
    )
  }
}
