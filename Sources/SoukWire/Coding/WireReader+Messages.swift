extension WireReader {
  /// Reads a nested message's length prefix and decodes its fields into `value`, merging if it is non-nil.
  ///
  /// - Throws: ``WireDecodingError/Code/depthExceeded`` beyond ``DecodingLimits/maxDepth``, or any error of the
  ///   nested message's fields (with the nested message as context).
  @inlinable
  public mutating func readMessage<M: WireMessage>(into value: inout M?) throws(WireDecodingError) {
    let length = try self.readLength()
    // Taking the value out leaves it uniquely referenced, so decoding mutates its storage in place.
    var message = value.take() ?? M()
    try self.decodeNested(&message, length: length)
    value = message
  }

  /// Reads one element of a repeated message field and appends it.
  @inlinable
  public mutating func readMessage<M: WireMessage>(
    appendingTo values: inout [M]
  ) throws(WireDecodingError) {
    try self.checkElementCount(values.count &+ 1)
    let length = try self.readLength()
    var message = M()
    try self.decodeNested(&message, length: length)
    self.reserveFirstElements(in: &values)
    values.append(message)
  }

  /// Reads one map entry: `body` decodes the entry's key and value fields from this reader, narrowed to the
  /// entry's bytes, one level deeper.
  ///
  /// - Parameters:
  ///   - currentCount: The number of entries the map holds so far, checked against
  ///     ``DecodingLimits/maxCollectionElements``.
  ///   - body: Reads the entry's fields with ``nextTag()`` until it returns `nil`, skipping unknown ones.
  @inlinable
  public mutating func readMapEntry(
    currentCount: Int,
    _ body: (inout WireReader) throws(WireDecodingError) -> Void
  ) throws(WireDecodingError) {
    try self.checkElementCount(currentCount &+ 1)
    let length = try self.readLength()
    guard self.depth < self.limits.maxDepth else { throw self.depthExceededError() }
    let savedEnd = self.end
    let savedField = self.fieldNumber
    let savedMapField = self.mapFieldNumber
    self.end = self.position &+ length
    self.depth &+= 1
    self.mapFieldNumber = savedField
    self.fieldNumber = 0
    try body(&self)
    self.position = self.end
    self.end = savedEnd
    self.depth &-= 1
    self.fieldNumber = savedField
    self.mapFieldNumber = savedMapField
  }

  /// Decodes `message` from the next `length` bytes, one level deeper, with `M` as the error context.
  @inlinable
  internal mutating func decodeNested<M: WireMessage>(
    _ message: inout M,
    length: Int
  ) throws(WireDecodingError) {
    guard self.depth < self.limits.maxDepth else { throw self.depthExceededError() }
    let savedEnd = self.end
    let savedType = self.messageType
    let savedField = self.fieldNumber
    let savedMapField = self.mapFieldNumber
    self.end = self.position &+ length
    self.depth &+= 1
    self.messageType = M.self
    self.fieldNumber = 0
    self.mapFieldNumber = 0
    try message.decode(from: &self)
    self.position = self.end
    self.end = savedEnd
    self.depth &-= 1
    self.messageType = savedType
    self.fieldNumber = savedField
    self.mapFieldNumber = savedMapField
  }
}
