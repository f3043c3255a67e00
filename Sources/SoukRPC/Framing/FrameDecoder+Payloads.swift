internal import NIOCore

extension FrameDecoder {
  /// Decodes the payload of a frame whose header ``validate(_:)`` accepted.
  func decodePayload(
    _ payload: ByteBuffer,
    type: FrameType,
    header: FrameHeader
  ) throws(FrameDecodingError) -> Frame {
    let streamID = header.streamID
    var reader = FramePayloadReader(buffer: payload, type: type, streamID: streamID)
    let content: Frame.Payload
    switch type {
    case .settings:
      content = try Self.decodeSettings(&reader)
    case .call:
      let method = try reader.readString("method", maxBytes: Self.maxMethodBytes)
      let timeout = try reader.readVarint("timeout")
      content = try self.withMetadata(&reader) { metadata in
        .call(CallHeader(method: method, timeoutMicroseconds: timeout, metadata: metadata))
      }
    case .message:
      content = .message(payload, more: header.flags.contains(.more))
    case .halfClose:
      content = .halfClose
    case .status:
      let code = try reader.readCode("status code")
      let message = try reader.readString("status message")
      let details = try reader.readBytes("status details")
      content = try self.withMetadata(&reader) { metadata in
        .status(
          StatusTrailer(
            code: RPCError.Code(rawValue: Int(code)), message: message, details: details, metadata: metadata)
        )
      }
    case .cancel:
      let code = try reader.readCode("cancel code")
      try reader.expectEnd(after: "cancel code")
      content = .cancel(RPCError.Code(rawValue: Int(code)))
    case .windowUpdate:
      let increment = try reader.readUInt32("increment")
      guard (1...0x7FFF_FFFF).contains(increment) else {
        throw reader.error("increment \(increment) is outside 1...2147483647")
      }
      content = .windowUpdate(increment: increment)
    case .ping:
      guard let data = reader.buffer.readInteger(as: UInt64.self) else { throw reader.error("truncated data") }
      content = .ping(data: data, ack: header.flags.contains(.ack))
    case .goAway:
      let lastStreamID = try reader.readUInt32("last stream id")
      guard lastStreamID <= FrameHeader.maxStreamID else {
        throw reader.error("last stream id \(lastStreamID) has the reserved high bit set")
      }
      let code = try reader.readCode("GOAWAY code")
      let message = try reader.readString("GOAWAY message")
      try reader.expectEnd(after: "GOAWAY message")
      content = .goAway(GoAway(lastStreamID: lastStreamID, code: GoAwayCode(rawValue: code), message: message))
    case .headers:
      content = try self.withMetadata(&reader) { metadata in .headers(metadata) }
    }
    return Frame(streamID: streamID, payload: content)
  }

  /// Reads the metadata block that ends a CALL, HEADERS or STATUS frame and builds the payload from it, or
  /// reports a ``Frame/Payload/streamError(_:_:)`` if the block is larger than ``Limits/maxMetadataBytes``.
  private func withMetadata(
    _ reader: inout FramePayloadReader,
    _ makePayload: (Metadata) -> Frame.Payload
  ) throws(FrameDecodingError) -> Frame.Payload {
    let blockBytes = reader.remaining
    guard blockBytes <= self.limits.maxMetadataBytes else {
      let error = RPCError(
        code: .resourceExhausted,
        message: "metadata of \(blockBytes) bytes exceeds maxMetadataBytes \(self.limits.maxMetadataBytes)"
      )
      return .streamError(reader.type, error)
    }
    return makePayload(try MetadataBlock.read(from: &reader))
  }

  /// Reads a SETTINGS payload (a multiple of 6 bytes, checked with the header) and checks its values' ranges.
  private static func decodeSettings(_ reader: inout FramePayloadReader) throws(FrameDecodingError) -> Frame.Payload {
    var values: [(identifier: UInt16, value: UInt32)] = []
    values.reserveCapacity(reader.remaining / 6)
    while let identifier = reader.buffer.readInteger(as: UInt16.self) {
      let value = try reader.readUInt32("setting value")
      values.append((identifier, value))
    }
    let update = ConnectionSettings.Update(values)
    try ConnectionSettings.validate(update)
    return .settings(update)
  }
}
