import NIOCore
import NIOEmbedded
import SoukTestSupport
import Testing

@testable import SoukTLS

/// Our client against our server over loopback sockets.
@Suite("TLS handler over sockets")
struct TLSHandlerSocketTests {
  let certificates = TestCertificates.shared

  private func checksum(_ bytes: [UInt8]) -> UInt64 {
    // FNV-1a, 64 bits.
    bytes.withUnsafeBufferPointer { buffer in
      var hash: UInt64 = 0xcbf2_9ce4_8422_2325
      for byte in buffer {
        hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
      }
      return hash
    }
  }

  @Test func largeTransferArrivesIntactInBothDirections() async throws {
    let server = try await TLSTestServer(context: TLSContext(configuration: certificates.serverConfiguration()))
    defer { Task { try? await server.close() } }
    let client = try await TLSTestClient(
      port: server.port,
      context: TLSContext(configuration: certificates.clientConfiguration())
    )
    _ = try await client.handshake()
    let totalBytes = 24 * 1024 * 1024
    var generator = SystemRandomNumberGenerator()
    let chunk = (0..<(1 << 20)).map { _ in UInt8.random(in: 0...255, using: &generator) }
    var sent: [UInt8] = []
    sent.reserveCapacity(totalBytes)
    for index in 0..<(totalBytes / chunk.count) {
      var piece = chunk
      piece[0] = UInt8(truncatingIfNeeded: index)  // every MiB differs
      sent += piece
      try await client.send(piece)
    }
    let received = try await client.receive(count: totalBytes)
    #expect(received.count == totalBytes)
    #expect(checksum(received) == checksum(sent))
    try await client.channel.close()
    #expect(try await client.closed().isEmpty)
    let outcome = try await server.nextClosedConnection()
    #expect(outcome.bytesReceived == totalBytes)
    #expect(outcome.errors.isEmpty, "\(outcome.errors)")
  }

  @Test func halfClosureDeliversDataAfterOurCloseNotify() async throws {
    let server = try await TLSTestServer(
      context: TLSContext(configuration: certificates.serverConfiguration()),
      allowHalfClosure: true
    )
    defer { Task { try? await server.close() } }
    let client = try await TLSTestClient(
      port: server.port,
      context: TLSContext(configuration: certificates.clientConfiguration())
    )
    _ = try await client.handshake()
    try await client.send(Array("last words".utf8))
    // Our close_notify and FIN follow the data; the server still answers, then closes its side.
    try await client.channel.close(mode: .output)
    #expect(try await client.receive(count: 10) == Array("last words".utf8))
    #expect(try await client.closed().isEmpty)
    let outcome = try await server.nextClosedConnection()
    #expect(outcome.errors.isEmpty, "\(outcome.errors)")
  }

  @Test func brokenClientsAreRefusedWithoutHarmingOthers() async throws {
    let context = try TLSContext(configuration: certificates.serverConfiguration())
    let server = try await TLSTestServer(context: context)
    defer { Task { try? await server.close() } }
    let good = try await TLSTestClient(
      port: server.port,
      context: TLSContext(configuration: certificates.clientConfiguration())
    )
    _ = try await good.handshake()
    _ = await server.next { if case .handshakeCompleted = $0 { true } else { false } }

    // Garbage and plaintext HTTP: the server answers with an alert and closes.
    for bytes in [Array(repeating: UInt8(0x42), count: 100), Array("GET / HTTP/1.1\r\nHost: x\r\n\r\n".utf8)] {
      let raw = try await RawTCPConnection(port: server.port)
      try await raw.send(bytes)
      try await raw.waitForClose()
      let outcome = try await server.nextClosedConnection()
      #expect(outcome.errors.map(\.code) == [.notTLS], "\(outcome.errors)")
    }

    // Half a ClientHello, then the client gives up.
    let hello = try clientHello()
    let truncated = try await RawTCPConnection(port: server.port)
    try await truncated.send(Array(hello.prefix(hello.count / 2)))
    try await truncated.closeOutput()
    try await truncated.waitForClose()
    let outcome = try await server.nextClosedConnection()
    #expect(outcome.errors.map(\.code) == [.connectionClosedDuringHandshake], "\(outcome.errors)")

    // The first connection never noticed.
    try await good.send(Array("still here".utf8))
    #expect(try await good.receive(count: 10) == Array("still here".utf8))
    try await good.channel.close()
  }

  @Test func handshakeThatNeverFinishesIsClosedAtTheTimeout() async throws {
    let configuration = certificates.serverConfiguration(handshakeTimeout: .milliseconds(300))
    let server = try await TLSTestServer(context: TLSContext(configuration: configuration))
    defer { Task { try? await server.close() } }
    let silent = try await RawTCPConnection(port: server.port)
    try await withTimeout(.seconds(10), "the server closing a silent connection") { try await silent.waitForClose() }
    let outcome = try await server.nextClosedConnection()
    #expect(outcome.errors.map(\.code) == [.handshakeTimeout])
  }

  @Test func thousandsOfSmallRecordsOverSockets() async throws {
    let server = try await TLSTestServer(context: TLSContext(configuration: certificates.serverConfiguration()))
    defer { Task { try? await server.close() } }
    let client = try await TLSTestClient(
      port: server.port,
      context: TLSContext(configuration: certificates.clientConfiguration())
    )
    _ = try await client.handshake()
    let sent = try await client.channel.eventLoop.submit {
      var sent: [UInt8] = []
      for index in 0..<5_000 {
        let record = Array("\(index),".utf8)
        sent += record
        client.channel.write(ByteBuffer(bytes: record), promise: nil)
      }
      client.channel.flush()
      return sent
    }.get()
    #expect(try await client.receive(count: sent.count) == sent)
    try await client.channel.close()
  }

  /// A real ClientHello from our client handler.
  private func clientHello() throws -> [UInt8] {
    let channel = EmbeddedChannel()
    let context = try TLSContext(configuration: certificates.clientConfiguration())
    try channel.pipeline.syncOperations.addHandler(TLSHandler(context: context))
    try channel.connect(to: SocketAddress(ipAddress: "127.0.0.1", port: 443)).wait()
    let hello = try #require(try channel.readOutbound(as: ByteBuffer.self))
    return Array(hello.readableBytesView)
  }
}
