import NIOCore
import SoukInteropService
import Testing

@testable import SoukRPC

/// Bad input, each on its own connection while a well-behaved client keeps working: every case gets the
/// documented answer (SPEC part 2, "Errors") and the server survives.
@Suite("Protocol violations")
struct ProtocolViolationTests {
  /// A connection-level violation: what is sent after the preface, and the GOAWAY code that answers it.
  struct ConnectionCase: Sendable, CustomTestStringConvertible {
    let name: String
    let sendsPreface: Bool
    let bytes: @Sendable (inout ByteBuffer) -> Void
    let expected: GoAwayCode

    var testDescription: String { self.name }
  }

  static let connectionCases: [ConnectionCase] = [
    ConnectionCase(
      name: "a frame longer than the limit", sendsPreface: true,
      bytes: { buffer in
        buffer.writeInteger(UInt32(20_000_000))
        buffer.writeInteger(FrameType.message.rawValue)
        buffer.writeInteger(UInt8(0))
        buffer.writeInteger(UInt32(1))
      }, expected: .frameTooLarge),
    ConnectionCase(
      name: "an unknown frame type", sendsPreface: true,
      bytes: { buffer in
        buffer.writeInteger(UInt32(0))
        buffer.writeInteger(UInt8(0x42))
        buffer.writeInteger(UInt8(0))
        buffer.writeInteger(UInt32(0))
      }, expected: .protocolError),
    ConnectionCase(
      name: "a message for a stream that does not exist", sendsPreface: true,
      bytes: { buffer in
        buffer.writeFrame(Frame(streamID: 7, payload: .message(ByteBuffer(bytes: [1, 2, 3]), more: false)))
      }, expected: .protocolError),
    ConnectionCase(
      name: "data before the preface", sendsPreface: false,
      bytes: { buffer in
        buffer.writeFrame(Frame(streamID: 0, payload: .settings(ConnectionSettings.defaults.update)))
      }, expected: .protocolError),
    ConnectionCase(
      name: "a stream id reused", sendsPreface: true,
      bytes: { buffer in
        let header = CallHeader(method: "souk.testing.v1.TestService/EmptyCall", timeoutMicroseconds: 0, metadata: [:])
        buffer.writeFrame(Frame(streamID: 1, payload: .call(header)))
        buffer.writeFrame(Frame(streamID: 1, payload: .call(header)))
      }, expected: .protocolError),
    ConnectionCase(
      name: "a message after half-close", sendsPreface: true,
      bytes: { buffer in
        let header = CallHeader(
          method: "souk.testing.v1.TestService/StreamingInputCall",
          timeoutMicroseconds: 0,
          metadata: [:]
        )
        buffer.writeFrame(Frame(streamID: 1, payload: .call(header)))
        buffer.writeFrame(Frame(streamID: 1, payload: .halfClose))
        buffer.writeFrame(Frame(streamID: 1, payload: .message(ByteBuffer(), more: false)))
      }, expected: .protocolError),
  ]

  @Test(arguments: Self.connectionCases)
  func connectionErrorsGetGoAwayAndClose(_ violation: ConnectionCase) async throws {
    let server = try await TestServer.start()
    try await server.withClient { healthy in
      _ = try await healthy.unary(TestService.Method.EmptyCall.self, request: Empty())
      let raw = try await RawConnection.connect(port: server.port)
      if violation.sendsPreface { try await raw.sendPreface() }
      try await raw.send(violation.bytes)
      let frames = try await raw.framesUntilClosed()
      let goAways = frames.compactMap { frame -> GoAway? in
        if case .goAway(let goAway) = frame.payload { return goAway }
        return nil
      }
      #expect(goAways.map(\.code) == [violation.expected])
      // The server keeps serving everyone else.
      _ = try await healthy.unary(TestService.Method.EmptyCall.self, request: Empty())
    }
  }

  @Test(arguments: [
    ("garbage instead of a TLS hello", Array("\u{01}\u{02}garbage that is no ClientHello at all".utf8)),
    ("plaintext HTTP to the TLS port", Array("GET / HTTP/1.1\r\nHost: souk\r\n\r\n".utf8)),
  ])
  func nonTLSBytesAreRefused(name: String, bytes: [UInt8]) async throws {
    let server = try await TestServer.start()
    try await server.withClient { healthy in
      let raw = try await RawConnection.connect(port: server.port, tls: false)
      try await raw.send(bytes)
      _ = try? await raw.framesUntilClosed()
      try await raw.waitUntilClosed()
      _ = try await healthy.unary(TestService.Method.EmptyCall.self, request: Empty())
    }
  }

  @Test func aWrongALPNIsRefused() async throws {
    let server = try await TestServer.start()
    try await server.withClient { healthy in
      let raw = try await RawConnection.connect(port: server.port, alpn: ["h2"])
      let frames = (try? await raw.framesUntilClosed()) ?? []
      #expect(frames.isEmpty)
      try await raw.waitUntilClosed()
      _ = try await healthy.unary(TestService.Method.EmptyCall.self, request: Empty())
    }
  }

  @Test func aTruncatedFrameThenEOFClosesTheConnection() async throws {
    let server = try await TestServer.start()
    try await server.withClient { healthy in
      let raw = try await RawConnection.connect(port: server.port)
      try await raw.sendPreface()
      try await raw.send([0, 0, 0, 20, FrameType.message.rawValue, 0, 0, 0])  // 8 of a 10-byte header
      await raw.close()
      #expect(!raw.isActive)
      _ = try await healthy.unary(TestService.Method.EmptyCall.self, request: Empty())
      #expect(server.server.connectionCount == 1)
    }
  }

  @Test func tooManyConcurrentStreamsAreRefusedOneByOne() async throws {
    let server = try await TestServer.start { $0.maxConcurrentStreams = 2 }
    try await server.withClient { healthy in
      let raw = try await RawConnection.connect(port: server.port)
      try await raw.sendPreface()
      let header = CallHeader(
        method: "souk.testing.v1.TestService/StreamingInputCall", timeoutMicroseconds: 0, metadata: [:])
      try await raw.send { buffer in
        for id: UInt32 in [1, 3, 5] { buffer.writeFrame(Frame(streamID: id, payload: .call(header))) }
      }
      let frames = try await raw.frames(until: { $0.type == .status })
      guard case .status(let trailer) = frames.last?.payload else {
        Issue.record("no STATUS in \(frames)")
        return
      }
      #expect(frames.last?.streamID == 5)
      #expect(trailer.code == .resourceExhausted)
      #expect(raw.isActive)
      // The two accepted streams still work: finish one and read its STATUS.
      try await raw.send { $0.writeFrame(Frame(streamID: 1, payload: .halfClose)) }
      let more = try await raw.frames(until: { $0.type == .status })
      #expect(more.last?.streamID == 1)
      if case .status(let done) = more.last?.payload { #expect(done.code == .ok) }
      _ = try await healthy.unary(TestService.Method.EmptyCall.self, request: Empty())
      await raw.close()
    }
  }

  @Test func aUnaryCallRefusedForASecondMessageNeverRunsItsHandler() async throws {
    let server = try await TestServer.start()
    try await server.withClient { healthy in
      let raw = try await RawConnection.connect(port: server.port)
      try await raw.sendPreface()
      var request = SimpleRequest()
      request.sleepMicros = 1
      let header = CallHeader(method: "souk.testing.v1.TestService/UnaryCall", timeoutMicroseconds: 0, metadata: [:])
      try await raw.send { buffer in
        buffer.writeFrame(Frame(streamID: 1, payload: .call(header)))
        buffer.writeMessageFrames(streamID: 1, message: request, maxFrameBytes: 65_536)
        buffer.writeMessageFrames(streamID: 1, message: request, maxFrameBytes: 65_536)
        buffer.writeFrame(Frame(streamID: 1, payload: .halfClose))
        let empty = CallHeader(method: "souk.testing.v1.TestService/EmptyCall", timeoutMicroseconds: 0, metadata: [:])
        buffer.writeFrame(Frame(streamID: 3, payload: .call(empty)))
        buffer.writeFrame(Frame(streamID: 3, payload: .message(ByteBuffer(), more: false)))
        buffer.writeFrame(Frame(streamID: 3, payload: .halfClose))
      }
      let frames = try await raw.frames(until: { $0.streamID == 3 && $0.type == .status })
      let refused = frames.first { $0.streamID == 1 && $0.type == .status }
      guard case .status(let trailer)? = refused?.payload else {
        Issue.record("no STATUS for stream 1 in \(frames)")
        return
      }
      #expect(trailer.code == .invalidArgument)
      // Stream 3 was handled after stream 1's HALF_CLOSE: had the refused call's handler started, it would have.
      #expect(server.probe.started == 0)
      _ = try await healthy.unary(TestService.Method.EmptyCall.self, request: Empty())
      await raw.close()
    }
  }

  @Test func aRequestThatDoesNotDecodeEndsItsCallOnly() async throws {
    let server = try await TestServer.start()
    try await server.withClient { healthy in
      let raw = try await RawConnection.connect(port: server.port)
      try await raw.sendPreface()
      let header = CallHeader(method: "souk.testing.v1.TestService/UnaryCall", timeoutMicroseconds: 0, metadata: [:])
      try await raw.send { buffer in
        buffer.writeFrame(Frame(streamID: 1, payload: .call(header)))
        buffer.writeFrame(Frame(streamID: 1, payload: .message(ByteBuffer(bytes: [0x0A, 0xFF, 0xFF]), more: false)))
        buffer.writeFrame(Frame(streamID: 1, payload: .halfClose))
      }
      let frames = try await raw.frames(until: { $0.type == .status })
      guard case .status(let trailer) = frames.last?.payload else {
        Issue.record("no STATUS in \(frames)")
        return
      }
      #expect(trailer.code == .invalidArgument)
      #expect(raw.isActive)
      // The same connection takes another call.
      try await raw.send { buffer in
        let empty = CallHeader(method: "souk.testing.v1.TestService/EmptyCall", timeoutMicroseconds: 0, metadata: [:])
        buffer.writeFrame(Frame(streamID: 3, payload: .call(empty)))
        buffer.writeFrame(Frame(streamID: 3, payload: .message(ByteBuffer(), more: false)))
        buffer.writeFrame(Frame(streamID: 3, payload: .halfClose))
      }
      let next = try await raw.frames(until: { $0.type == .status })
      if case .status(let done) = next.last?.payload { #expect(done.code == .ok) }
      _ = try await healthy.unary(TestService.Method.EmptyCall.self, request: Empty())
      await raw.close()
    }
  }
}
