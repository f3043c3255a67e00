package import NIOCore

/// Turns the bytes a peer sends into ``Frame``s, checking everything SPEC section 5 lets a receiver check without
/// connection state (section 5.12 lists the errors).
///
/// A connection error is thrown as a ``FrameDecodingError`` (the receiver then sends GOAWAY and closes); a
/// metadata block above ``Limits/maxMetadataBytes`` is returned as a ``Frame/Payload/streamError(_:_:)`` frame,
/// since it ends only its stream. Problems are found as early as possible: a bad preface byte, a length above
/// ``Limits/maxFrameBytes``, an unknown type or a wrong stream id or payload size are reported as soon as the
/// header arrives, before any payload is buffered. MESSAGE payloads are slices of the received buffer, not
/// copies.
///
/// Not thread-safe; use it from one event loop, e.g. in a `ByteToMessageHandler`.
package struct FrameDecoder: NIOSingleStepByteToMessageDecoder {
  package typealias InboundOut = Frame

  /// The receiver's own limits, as it announced them in its SETTINGS frame.
  package struct Limits: Sendable, Hashable {
    /// The largest frame payload accepted; a longer frame is a ``GoAwayCode/frameTooLarge`` connection error.
    package var maxFrameBytes: Int
    /// The largest metadata block accepted in CALL, HEADERS and STATUS frames; a larger one ends its stream.
    package var maxMetadataBytes: Int

    /// Creates limits; the defaults are those of ``ConnectionSettings/defaults``.
    package init(maxFrameBytes: Int = 65_536, maxMetadataBytes: Int = 16_384) {
      self.maxFrameBytes = maxFrameBytes
      self.maxMetadataBytes = maxMetadataBytes
    }

    /// The limits `settings` announce.
    package init(_ settings: ConnectionSettings) {
      self.init(maxFrameBytes: settings.maxFrameBytes, maxMetadataBytes: settings.maxMetadataBytes)
    }
  }

  /// The longest method name a CALL frame may carry, in bytes.
  package static let maxMethodBytes = 1_024

  /// Whether the 8-byte client preface is still expected before the first frame (true on a server until it
  /// has arrived).
  package private(set) var expectsPreface: Bool

  /// The limits frames are checked against; may change between frames.
  package var limits: Limits

  /// Creates a decoder; a server passes `expectsPreface: true`, a client `false`.
  package init(expectsPreface: Bool, limits: Limits) {
    self.expectsPreface = expectsPreface
    self.limits = limits
  }

  /// Decodes the next frame, or returns nil if more bytes are needed.
  ///
  /// - Throws: ``FrameDecodingError`` for a connection error; the decoder must not be used afterwards.
  package mutating func decode(buffer: inout ByteBuffer) throws(FrameDecodingError) -> Frame? {
    if self.expectsPreface {
      guard try Self.readPreface(from: &buffer) else { return nil }
      self.expectsPreface = false
    }
    guard buffer.readableBytes >= 4 else { return nil }
    if let length = buffer.getInteger(at: buffer.readerIndex, as: UInt32.self),
      UInt64(length) > UInt64(max(self.limits.maxFrameBytes, 0))
    {
      throw FrameDecodingError(
        goAwayCode: .frameTooLarge,
        message: "frame of \(length) bytes exceeds maxFrameBytes \(self.limits.maxFrameBytes)"
      )
    }
    guard let header = FrameHeader.peek(in: buffer) else { return nil }
    let type = try Self.validate(header)
    guard buffer.readableBytes >= FrameHeader.byteCount + Int(header.length) else { return nil }
    buffer.moveReaderIndex(forwardBy: FrameHeader.byteCount)
    guard let payload = buffer.readSlice(length: Int(header.length)) else { return nil }  // checked just above
    return try self.decodePayload(payload, type: type, header: header)
  }

  /// Decodes what is left when the input ends; a partial frame stays in `buffer` (the connection is closing
  /// anyway).
  package mutating func decodeLast(buffer: inout ByteBuffer, seenEOF: Bool) throws(FrameDecodingError) -> Frame? {
    try self.decode(buffer: &buffer)
  }

  /// Consumes the client preface once all 8 bytes are there; fails at the first byte that differs.
  private static func readPreface(from buffer: inout ByteBuffer) throws(FrameDecodingError) -> Bool {
    let received = buffer.readableBytesView.prefix(ClientPreface.bytes.count)
    for (offset, (byte, expected)) in zip(received, ClientPreface.bytes).enumerated() where byte != expected {
      throw .protocolError(
        "bad preface: byte \(offset) is \(Self.hex(byte)), expected \(Self.hex(expected)); a client starts with "
          + "SOUK/1\\r\\n (53 4f 55 4b 2f 31 0d 0a)"
      )
    }
    guard received.count == ClientPreface.bytes.count else { return false }
    buffer.moveReaderIndex(forwardBy: ClientPreface.bytes.count)
    return true
  }

  /// `0x0a`: a byte in two lowercase hex digits.
  private static func hex(_ byte: UInt8) -> String {
    byte < 0x10 ? "0x0" + String(byte, radix: 16) : "0x" + String(byte, radix: 16)
  }

  /// Checks what the header alone decides: a known type, the stream id rules of that type and fixed payload
  /// sizes.
  private static func validate(_ header: FrameHeader) throws(FrameDecodingError) -> FrameType {
    guard let type = FrameType(rawValue: header.type) else {
      throw .protocolError("unknown frame type \(Self.hex(header.type))")
    }
    guard header.streamID <= FrameHeader.maxStreamID else {
      throw .protocolError("\(type) frame has the reserved high bit of its stream id set (\(header.streamID))")
    }
    switch type {
    case .settings, .ping, .goAway:
      guard header.streamID == 0 else {
        throw .protocolError("\(type) frame on stream \(header.streamID); \(type) belongs to stream 0")
      }
    case .call, .message, .halfClose, .status, .cancel, .windowUpdate, .headers:
      guard header.streamID != 0 else {
        throw .protocolError("\(type) frame on stream 0; \(type) needs a stream id other than 0")
      }
    }
    if type == .call, header.streamID.isMultiple(of: 2) {
      throw .protocolError("CALL frame on even stream \(header.streamID); clients open odd stream ids")
    }
    let length = header.length
    switch type {
    case .settings where !length.isMultiple(of: 6):
      throw .protocolError("SETTINGS frame of \(length) bytes; its payload is a multiple of 6 bytes")
    case .halfClose where length != 0:
      throw .protocolError("HALF_CLOSE frame on stream \(header.streamID) of \(length) bytes; it has no payload")
    case .windowUpdate where length != 4:
      throw .protocolError(
        "WINDOW_UPDATE frame on stream \(header.streamID) of \(length) bytes; it carries exactly 4"
      )
    case .ping where length != 8:
      throw .protocolError("PING frame of \(length) bytes; it carries exactly 8")
    default:
      return type
    }
  }
}
