import NIOCore
import SoukRPC
import Testing

/// Every input SPEC part 2 makes a connection error is refused with the right GOAWAY code and a message that says
/// what was wrong; header problems are found before the payload arrives.
@Suite("Frame decoder rejections")
struct FrameDecoderRejectionTests {
  /// One refused input.
  struct Rejection: Sendable, CustomTestStringConvertible {
    var name: String
    var bytes: [UInt8]
    var expectsPreface = false
    var code: GoAwayCode = .protocolError
    var message: String

    var testDescription: String { self.name }
  }

  /// A frame's bytes with any header and payload, valid or not.
  static func frame(_ type: UInt8, flags: UInt8 = 0, stream: UInt32, _ payload: [UInt8] = []) -> [UInt8] {
    var buffer = ByteBuffer()
    buffer.writeInteger(UInt32(payload.count))
    buffer.writeInteger(type)
    buffer.writeInteger(flags)
    buffer.writeInteger(stream)
    buffer.writeBytes(payload)
    return Array(buffer.readableBytesView)
  }

  /// `a.B/C`, no timeout: the start of a valid CALL payload.
  static let method: [UInt8] = [0x05, 0x61, 0x2E, 0x42, 0x2F, 0x43, 0x00]

  static let rejections: [Rejection] = [
    Rejection(
      name: "preface of another protocol, refused at its first bytes",
      bytes: Array("GET ".utf8),
      expectsPreface: true,
      message: "bad preface: byte 0 is 0x47, expected 0x53; a client starts with SOUK/1\\r\\n (53 4f 55 4b 2f 31 0d 0a)"
    ),
    Rejection(
      name: "preface without the CR LF",
      bytes: Array("SOUK/1\n\n".utf8),
      expectsPreface: true,
      message: "bad preface: byte 6 is 0x0a, expected 0x0d; a client starts with SOUK/1\\r\\n (53 4f 55 4b 2f 31 0d 0a)"
    ),
    Rejection(
      name: "frame longer than maxFrameBytes, refused from its length alone",
      bytes: [0x01, 0x31, 0x2D, 0x00],
      code: .frameTooLarge,
      message: "frame of 20000000 bytes exceeds maxFrameBytes 65536"
    ),
    Rejection(
      name: "unknown type",
      bytes: Array(Self.frame(0x0A, stream: 1, [1, 2, 3]).dropLast(3)),
      message: "unknown frame type 0x0a"
    ),
    Rejection(
      name: "reserved high bit of the stream id",
      bytes: Self.frame(0x02, stream: 0x8000_0001),
      message: "MESSAGE frame has the reserved high bit of its stream id set (2147483649)"
    ),
    Rejection(
      name: "SETTINGS on a stream",
      bytes: Self.frame(0x00, stream: 5),
      message: "SETTINGS frame on stream 5; SETTINGS belongs to stream 0"
    ),
    Rejection(
      name: "PING on a stream",
      bytes: Self.frame(0x07, stream: 1, [0, 0, 0, 0, 0, 0, 0, 0]),
      message: "PING frame on stream 1; PING belongs to stream 0"
    ),
    Rejection(
      name: "GOAWAY on a stream",
      bytes: Self.frame(0x08, stream: 3, [0, 0, 0, 0, 0, 0]),
      message: "GOAWAY frame on stream 3; GOAWAY belongs to stream 0"
    ),
    Rejection(
      name: "CALL on stream 0",
      bytes: Self.frame(0x01, stream: 0, Self.method + [0]),
      message: "CALL frame on stream 0; CALL needs a stream id other than 0"
    ),
    Rejection(
      name: "MESSAGE on stream 0",
      bytes: Self.frame(0x02, stream: 0),
      message: "MESSAGE frame on stream 0; MESSAGE needs a stream id other than 0"
    ),
    Rejection(
      name: "HALF_CLOSE on stream 0",
      bytes: Self.frame(0x03, stream: 0),
      message: "HALF_CLOSE frame on stream 0; HALF_CLOSE needs a stream id other than 0"
    ),
    Rejection(
      name: "STATUS on stream 0",
      bytes: Self.frame(0x04, stream: 0, [0, 0, 0, 0]),
      message: "STATUS frame on stream 0; STATUS needs a stream id other than 0"
    ),
    Rejection(
      name: "CANCEL on stream 0",
      bytes: Self.frame(0x05, stream: 0, [1]),
      message: "CANCEL frame on stream 0; CANCEL needs a stream id other than 0"
    ),
    Rejection(
      name: "WINDOW_UPDATE on stream 0",
      bytes: Self.frame(0x06, stream: 0, [0, 0, 0, 1]),
      message: "WINDOW_UPDATE frame on stream 0; WINDOW_UPDATE needs a stream id other than 0"
    ),
    Rejection(
      name: "HEADERS on stream 0",
      bytes: Self.frame(0x09, stream: 0, [0]),
      message: "HEADERS frame on stream 0; HEADERS needs a stream id other than 0"
    ),
    Rejection(
      name: "CALL on an even stream",
      bytes: Self.frame(0x01, stream: 2, Self.method + [0]),
      message: "CALL frame on even stream 2; clients open odd stream ids"
    ),
    Rejection(
      name: "SETTINGS not a multiple of 6 bytes, refused from its header",
      bytes: Array(Self.frame(0x00, stream: 0, [0, 1, 0, 0, 0x40, 0, 0]).prefix(10)),
      message: "SETTINGS frame of 7 bytes; its payload is a multiple of 6 bytes"
    ),
    Rejection(
      name: "HALF_CLOSE with a payload",
      bytes: Self.frame(0x03, stream: 1, [0]),
      message: "HALF_CLOSE frame on stream 1 of 1 bytes; it has no payload"
    ),
    Rejection(
      name: "WINDOW_UPDATE of 3 bytes",
      bytes: Self.frame(0x06, stream: 1, [0, 0, 1]),
      message: "WINDOW_UPDATE frame on stream 1 of 3 bytes; it carries exactly 4"
    ),
    Rejection(
      name: "PING of 9 bytes",
      bytes: Self.frame(0x07, stream: 0, [0, 0, 0, 0, 0, 0, 0, 0, 0]),
      message: "PING frame of 9 bytes; it carries exactly 8"
    ),
    Rejection(
      name: "SETTINGS maxFrameBytes below 16384",
      bytes: Self.frame(0x00, stream: 0, [0, 1, 0, 0, 0x3F, 0xFF]),
      message: "SETTINGS maxFrameBytes (1) = 16383 is outside 16384...16777215"
    ),
    Rejection(
      name: "SETTINGS maxFrameBytes above 2^24-1",
      bytes: Self.frame(0x00, stream: 0, [0, 1, 0x01, 0, 0, 0]),
      message: "SETTINGS maxFrameBytes (1) = 16777216 is outside 16384...16777215"
    ),
    Rejection(
      name: "SETTINGS initialWindowBytes 0",
      bytes: Self.frame(0x00, stream: 0, [0, 2, 0, 0, 0, 5, 0, 3, 0, 0, 0, 0]),
      message: "SETTINGS initialWindowBytes (3) = 0 is outside 1...2147483647"
    ),
    Rejection(
      name: "SETTINGS initialWindowBytes 2^31",
      bytes: Self.frame(0x00, stream: 0, [0, 3, 0x80, 0, 0, 0]),
      message: "SETTINGS initialWindowBytes (3) = 2147483648 is outside 1...2147483647"
    ),
    Rejection(
      name: "WINDOW_UPDATE of 0",
      bytes: Self.frame(0x06, stream: 1, [0, 0, 0, 0]),
      message: "WINDOW_UPDATE frame on stream 1: increment 0 is outside 1...2147483647"
    ),
    Rejection(
      name: "WINDOW_UPDATE of 2^31",
      bytes: Self.frame(0x06, stream: 1, [0x80, 0, 0, 0]),
      message: "WINDOW_UPDATE frame on stream 1: increment 2147483648 is outside 1...2147483647"
    ),
    Rejection(
      name: "CALL method not UTF-8",
      bytes: Self.frame(0x01, stream: 1, [0x02, 0xC3, 0x28, 0x00, 0x00]),
      message: "CALL frame on stream 1: method is not valid UTF-8"
    ),
    Rejection(
      name: "CALL method longer than 1024 bytes",
      bytes: Self.frame(0x01, stream: 1, [0x81, 0x08] + [UInt8](repeating: 0x61, count: 1_025) + [0, 0]),
      message: "CALL frame on stream 1: method of 1025 bytes exceeds 1024"
    ),
    Rejection(
      name: "CALL method length beyond the payload",
      bytes: Self.frame(0x01, stream: 1, [0x09, 0x61]),
      message: "CALL frame on stream 1: method length 9 exceeds the 1 bytes left"
    ),
    Rejection(
      name: "CALL timeout varint cut off",
      bytes: Self.frame(0x01, stream: 1, Self.method.dropLast() + [0x80]),
      message: "CALL frame on stream 1: truncated varint (timeout)"
    ),
    Rejection(
      name: "CALL timeout varint of 11 bytes",
      bytes: Self.frame(0x01, stream: 1, Self.method.dropLast() + [UInt8](repeating: 0x80, count: 10) + [0, 0]),
      message: "CALL frame on stream 1: malformed varint (timeout): more than 10 bytes or above 2^64-1"
    ),
    Rejection(
      name: "CALL timeout varint above 2^64-1",
      bytes: Self.frame(0x01, stream: 1, Self.method.dropLast() + [UInt8](repeating: 0xFF, count: 9) + [0x02, 0]),
      message: "CALL frame on stream 1: malformed varint (timeout): more than 10 bytes or above 2^64-1"
    ),
    Rejection(
      name: "metadata count larger than the bytes can hold",
      bytes: Self.frame(0x01, stream: 1, Self.method + [0x05, 0x01, 0x61, 0x00]),
      message: "CALL frame on stream 1: metadata count 5 exceeds what 3 bytes can hold"
    ),
    Rejection(
      name: "metadata key with capitals",
      bytes: Self.frame(0x01, stream: 1, Self.method + [0x01, 0x0D] + Array("Authorization".utf8) + [0x00]),
      message: "CALL frame on stream 1: metadata key \"Authorization\" is not 1 to 255 bytes of a-z 0-9 - _ ."
    ),
    Rejection(
      name: "metadata key with a space",
      bytes: Self.frame(0x09, stream: 1, [0x01, 0x03, 0x61, 0x20, 0x62, 0x00]),
      message: "HEADERS frame on stream 1: metadata key \"a b\" is not 1 to 255 bytes of a-z 0-9 - _ ."
    ),
    Rejection(
      name: "empty metadata key",
      bytes: Self.frame(0x09, stream: 1, [0x01, 0x00, 0x00, 0x00]),
      message: "HEADERS frame on stream 1: metadata key \"\" is not 1 to 255 bytes of a-z 0-9 - _ ."
    ),
    Rejection(
      name: "metadata key of 256 bytes",
      bytes: Self.frame(0x09, stream: 1, [0x01, 0x80, 0x02] + [UInt8](repeating: 0x61, count: 256) + [0x00]),
      message:
        "HEADERS frame on stream 1: metadata key \"\(String(repeating: "a", count: 64))\" is not 1 to 255 bytes of a-z 0-9 - _ ."
    ),
    Rejection(
      name: "metadata text value not UTF-8",
      bytes: Self.frame(0x09, stream: 1, [0x01, 0x01, 0x61, 0x01, 0xFF]),
      message: "HEADERS frame on stream 1: value of metadata key \"a\" is not valid UTF-8"
    ),
    Rejection(
      name: "bytes after the metadata block",
      bytes: Self.frame(0x09, stream: 1, [0x00, 0xFF]),
      message: "HEADERS frame on stream 1: 1 unexpected bytes after the metadata block"
    ),
    Rejection(
      name: "HEADERS without a block",
      bytes: Self.frame(0x09, stream: 1),
      message: "HEADERS frame on stream 1: truncated varint (metadata count)"
    ),
    Rejection(
      name: "STATUS code above 32 bits",
      bytes: Self.frame(0x04, stream: 1, [0x80, 0x80, 0x80, 0x80, 0x10, 0, 0, 0]),
      message: "STATUS frame on stream 1: status code 4294967296 does not fit in 32 bits"
    ),
    Rejection(
      name: "STATUS message not UTF-8",
      bytes: Self.frame(0x04, stream: 1, [0x0D, 0x01, 0xFF, 0x00, 0x00]),
      message: "STATUS frame on stream 1: status message is not valid UTF-8"
    ),
    Rejection(
      name: "STATUS details beyond the payload",
      bytes: Self.frame(0x04, stream: 1, [0x0D, 0x00, 0x05, 0x01]),
      message: "STATUS frame on stream 1: status details length 5 exceeds the 1 bytes left"
    ),
    Rejection(
      name: "empty STATUS",
      bytes: Self.frame(0x04, stream: 1),
      message: "STATUS frame on stream 1: truncated varint (status code)"
    ),
    Rejection(
      name: "CANCEL with trailing bytes",
      bytes: Self.frame(0x05, stream: 1, [0x01, 0x00]),
      message: "CANCEL frame on stream 1: 1 unexpected bytes after the cancel code"
    ),
    Rejection(
      name: "empty CANCEL",
      bytes: Self.frame(0x05, stream: 1),
      message: "CANCEL frame on stream 1: truncated varint (cancel code)"
    ),
    Rejection(
      name: "GOAWAY last stream id with the high bit",
      bytes: Self.frame(0x08, stream: 0, [0x80, 0, 0, 0, 0, 0]),
      message: "GOAWAY frame on stream 0: last stream id 2147483648 has the reserved high bit set"
    ),
    Rejection(
      name: "GOAWAY shorter than its last stream id",
      bytes: Self.frame(0x08, stream: 0, [0, 0, 0]),
      message: "GOAWAY frame on stream 0: truncated last stream id"
    ),
    Rejection(
      name: "GOAWAY message not UTF-8",
      bytes: Self.frame(0x08, stream: 0, [0, 0, 0, 1, 0x01, 0x02, 0xC0, 0x80]),
      message: "GOAWAY frame on stream 0: GOAWAY message is not valid UTF-8"
    ),
    Rejection(
      name: "GOAWAY with trailing bytes",
      bytes: Self.frame(0x08, stream: 0, [0, 0, 0, 1, 0x00, 0x00, 0xFF]),
      message: "GOAWAY frame on stream 0: 1 unexpected bytes after the GOAWAY message"
    ),
  ]

  @Test("refused with its GOAWAY code and message, all at once and byte by byte", arguments: Self.rejections)
  func rejected(_ rejection: Rejection) {
    for chunk in [Int.max, 1] {
      let outcome = FrameStream.decode(rejection.bytes, expectsPreface: rejection.expectsPreface, chunkSize: { chunk })
      #expect(outcome.frames.isEmpty)
      #expect(outcome.error?.goAwayCode == rejection.code, "chunks of \(chunk)")
      #expect(outcome.error?.message == rejection.message, "chunks of \(chunk)")
    }
  }

  @Test("a frame after a valid one is refused just the same, and the valid one comes out first")
  func afterAValidFrame() {
    let ping = FrameStream.encode([Frame(streamID: 0, payload: .ping(data: 1, ack: false))])
    let outcome = FrameStream.decode(ping + Self.frame(0x0A, stream: 0), expectsPreface: false)
    #expect(outcome.frames == [Frame(streamID: 0, payload: .ping(data: 1, ack: false))])
    #expect(outcome.error == FrameDecodingError(goAwayCode: .protocolError, message: "unknown frame type 0x0a"))
  }

  @Test("maxFrameBytes is the decoder's own limit: a frame of exactly the limit passes, one byte more does not")
  func frameLimitBoundary() {
    let limits = FrameDecoder.Limits(maxFrameBytes: 16_384, maxMetadataBytes: 16_384)
    let atLimit = Self.frame(0x02, stream: 1, [UInt8](repeating: 1, count: 16_384))
    #expect(FrameStream.decode(atLimit, expectsPreface: false, limits: limits).frames.count == 1)
    let over = Self.frame(0x02, stream: 1, [UInt8](repeating: 1, count: 16_385))
    let error = FrameStream.decode(over, expectsPreface: false, limits: limits).error
    #expect(
      error
        == FrameDecodingError(goAwayCode: .frameTooLarge, message: "frame of 16385 bytes exceeds maxFrameBytes 16384"))
  }

  @Test(
    "a metadata block above maxMetadataBytes ends only its stream: a streamError frame, the connection goes on",
    arguments: [
      (UInt8(0x01), FrameType.call, Self.method),
      (UInt8(0x09), FrameType.headers, []),
      (UInt8(0x04), FrameType.status, [0x00, 0x00, 0x00]),
    ] as [(UInt8, FrameType, [UInt8])]
  )
  func metadataTooLarge(typeByte: UInt8, type: FrameType, prefix: [UInt8]) {
    let limits = FrameDecoder.Limits(maxFrameBytes: 65_536, maxMetadataBytes: 4)
    // One entry "k" = "val": 1 + 2 + 4 = 7 bytes.
    let block: [UInt8] = [0x01, 0x01, 0x6B, 0x03, 0x76, 0x61, 0x6C]
    let ping = Frame(streamID: 0, payload: .ping(data: 9, ack: false))
    let bytes = Self.frame(typeByte, stream: 3, prefix + block) + FrameStream.encode([ping])
    let outcome = FrameStream.decode(bytes, expectsPreface: false, limits: limits)
    #expect(outcome.error == nil)
    let refusal = RPCError(code: .resourceExhausted, message: "metadata of 7 bytes exceeds maxMetadataBytes 4")
    #expect(outcome.frames == [Frame(streamID: 3, payload: .streamError(type, refusal)), ping])
    #expect(outcome.frames.first?.type == type)

    let roomy = FrameDecoder.Limits(maxFrameBytes: 65_536, maxMetadataBytes: 7)
    let accepted = FrameStream.decode(bytes, expectsPreface: false, limits: roomy)
    #expect(accepted.error == nil)
    #expect(accepted.frames.count == 2)
    if case .streamError = accepted.frames.first?.payload { Issue.record("a block of exactly the limit was refused") }
  }
}
