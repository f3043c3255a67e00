extension WireReader {
  /// The innermost message and field being read, e.g. `field 4 of souk.catalog.v1.Product`.
  internal var contextDescription: String {
    let name = self.messageType.fullName
    if self.mapFieldNumber != 0 {
      let entry = "an entry of map field \(self.mapFieldNumber) of \(name)"
      return self.fieldNumber == 0 ? entry : "field \(self.fieldNumber) of \(entry)"
    }
    return self.fieldNumber == 0 ? name : "field \(self.fieldNumber) of \(name)"
  }

  /// An error at `offset` with the reader's current context.
  internal func error(
    _ code: WireDecodingError.Code,
    at offset: Int,
    _ message: String
  ) -> WireDecodingError {
    WireDecodingError(
      code: code,
      offset: offset,
      message: message,
      context: self.contextDescription
    )
  }

  @usableFromInline
  @inline(never)
  internal func truncatedVarintError(at offset: Int) -> WireDecodingError {
    self.error(.truncated, at: offset, "varint is cut off")
  }

  @usableFromInline
  @inline(never)
  internal func truncatedFixedError(needed: Int) -> WireDecodingError {
    self.error(
      .truncated,
      at: self.position,
      "\(needed)-byte value is cut off, \(self.end - self.position) bytes remain"
    )
  }

  @usableFromInline
  @inline(never)
  internal func truncatedPackedError(
    length: Int,
    elementSize: Int,
    at offset: Int
  ) -> WireDecodingError {
    self.error(
      .truncated,
      at: offset,
      "packed payload of \(length) bytes is not a multiple of \(elementSize)"
    )
  }

  @usableFromInline
  @inline(never)
  internal func malformedVarintError(at offset: Int) -> WireDecodingError {
    self.error(.malformedVarint, at: offset, "varint exceeds 64 bits")
  }

  @usableFromInline
  @inline(never)
  internal func tagTooLargeError(_ value: UInt64) -> WireDecodingError {
    self.error(.invalidFieldNumber, at: self.tagStart, "tag \(value) exceeds 32 bits")
  }

  @usableFromInline
  @inline(never)
  internal func invalidWireTypeError(_ tag: UInt32) -> WireDecodingError {
    self.error(.invalidWireType, at: self.tagStart, "invalid wire type \(tag & 7)")
  }

  @usableFromInline
  @inline(never)
  internal func invalidFieldNumberError(_ tag: UInt32) -> WireDecodingError {
    self.error(.invalidFieldNumber, at: self.tagStart, "field number 0 is invalid")
  }

  @usableFromInline
  @inline(never)
  internal func lengthExceedsRemainingError(
    length: UInt64,
    remaining: Int,
    at offset: Int
  ) -> WireDecodingError {
    self.error(
      .lengthExceedsRemaining,
      at: offset,
      "length \(length) exceeds remaining \(remaining) bytes"
    )
  }

  @usableFromInline
  @inline(never)
  internal func invalidUTF8Error(length: Int, at offset: Int) -> WireDecodingError {
    self.error(.invalidUTF8, at: offset, "string of \(length) bytes is not valid UTF-8")
  }

  @usableFromInline
  @inline(never)
  internal func valueOutOfRangeError(
    _ value: UInt64,
    type: StaticString,
    at offset: Int
  ) -> WireDecodingError {
    self.error(.valueOutOfRange, at: offset, "varint \(value) does not fit \(type)")
  }

  @usableFromInline
  @inline(never)
  internal func depthExceededError() -> WireDecodingError {
    self.error(
      .depthExceeded,
      at: self.position,
      "nesting exceeds the limit of \(self.limits.maxDepth) levels"
    )
  }

  @usableFromInline
  @inline(never)
  internal func tooManyElementsError() -> WireDecodingError {
    self.error(
      .tooManyElements,
      at: self.tagStart,
      "more than \(self.limits.maxCollectionElements) elements in one repeated field or map"
    )
  }
}
