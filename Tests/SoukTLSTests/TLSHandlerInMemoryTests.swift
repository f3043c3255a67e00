import NIOCore
import NIOEmbedded
import NIOTLS
import Testing

@testable import SoukTLS

@Suite("TLS handler in memory")
struct TLSHandlerInMemoryTests {
  let certificates = TestCertificates.shared

  private func pair(
    server: TLSConfiguration? = nil,
    client: TLSConfiguration? = nil,
    serverName: String? = nil
  ) throws -> InMemoryTLSPair {
    try InMemoryTLSPair(
      clientContext: TLSContext(configuration: client ?? certificates.clientConfiguration()),
      serverContext: TLSContext(configuration: server ?? certificates.serverConfiguration()),
      serverName: serverName
    )
  }

  @Test func handshakeNegotiatesSoukOverTLS13AndCarriesData() throws {
    let pair = try pair()
    try pair.handshake()
    #expect(pair.clientEvents.negotiatedProtocols == ["souk/1"])
    #expect(pair.serverEvents.negotiatedProtocols == ["souk/1"])
    let info = try #require(pair.clientHandler.connectionInfo)
    #expect(info.protocolVersion == "TLSv1.3")
    #expect(info.applicationProtocol == "souk/1")
    #expect(info.peerIdentity?.dnsNames == ["localhost"])
    #expect(info.peerIdentity?.ipAddresses == ["127.0.0.1", "::1"])
    #expect(pair.serverHandler.connectionInfo?.peerIdentity == nil)

    try pair.client.writeOutbound(ByteBuffer(string: "hello"))
    try pair.interact()
    #expect(pair.serverReceivedText == "hello")
    try pair.server.writeOutbound(ByteBuffer(string: "bonjour"))
    try pair.interact()
    #expect(pair.clientReceivedText == "bonjour")
    #expect(pair.clientEvents.errors.isEmpty && pair.serverEvents.errors.isEmpty)
  }

  @Test func writesDuringTheHandshakeWaitAndArriveInOrder() throws {
    let pair = try pair()
    let first = pair.client.eventLoop.makePromise(of: Void.self)
    pair.client.write(ByteBuffer(string: "one,"), promise: first)
    pair.client.writeAndFlush(ByteBuffer(string: "two"), promise: nil)
    try pair.handshake()
    try first.futureResult.wait()
    #expect(pair.serverReceivedText == "one,two")
  }

  @Test func writesOnTheHandshakeEventFollowTheWritesThatWaited() throws {
    let pair = try pair()
    try pair.client.pipeline.syncOperations.addHandler(
      WriteOnHandshake(text: "second"), position: .after(pair.clientHandler))
    pair.client.writeAndFlush(ByteBuffer(string: "first,"), promise: nil)
    try pair.handshake()
    #expect(pair.serverReceivedText == "first,second")
  }

  @Test func mutualTLSGivesTheServerTheClientsIdentity() throws {
    let pair = try pair(
      server: certificates.serverConfiguration(clientCertificates: .required),
      client: certificates.clientConfiguration(withClientCertificate: true)
    )
    try pair.handshake()
    let identity = try #require(pair.serverHandler.connectionInfo?.peerIdentity)
    #expect(identity.subject == "CN=shop-42,O=Souk development")
    #expect(pair.serverEvents.errors.isEmpty)
  }

  @Test func optionalClientCertificateAcceptsClientsWithout() throws {
    let pair = try pair(server: certificates.serverConfiguration(clientCertificates: .optional))
    try pair.handshake()
    #expect(pair.serverEvents.negotiatedProtocols == ["souk/1"])
    #expect(pair.serverHandler.connectionInfo?.peerIdentity == nil)
  }

  @Test func missingRequiredClientCertificateIsRefusedOnBothSides() throws {
    let pair = try pair(server: certificates.serverConfiguration(clientCertificates: .required))
    try pair.handshake()
    #expect(pair.serverEvents.tlsErrors.map(\.code) == [.peerCertificateRequired])
    #expect(pair.clientEvents.tlsErrors.first?.code == .peerCertificateRequired)
    #expect(!pair.server.isActive && !pair.client.isActive)
  }

  @Test func wrongHostNameIsRefused() throws {
    let pair = try pair(client: certificates.clientConfiguration(serverName: "wrong.example"))
    try pair.handshake()
    let error = try #require(pair.clientEvents.tlsErrors.first)
    #expect(error.code == .certificateVerificationFailed)
    #expect(error.message.contains("mismatch"))
    #expect(pair.serverEvents.tlsErrors.first != nil)
  }

  @Test func ipAddressIsVerifiedAgainstTheIPSANs() throws {
    let pair = try pair(client: certificates.clientConfiguration(serverName: "127.0.0.1"))
    try pair.handshake()
    #expect(pair.clientEvents.negotiatedProtocols == ["souk/1"])
    let wrong = try self.pair(client: certificates.clientConfiguration(serverName: "10.1.2.3"))
    try wrong.handshake()
    #expect(wrong.clientEvents.tlsErrors.first?.code == .certificateVerificationFailed)
  }

  @Test func clientResumesItsSessionOnReconnect() throws {
    let clientContext = try TLSContext(configuration: certificates.clientConfiguration())
    let serverContext = try TLSContext(configuration: certificates.serverConfiguration())
    let first = try InMemoryTLSPair(clientContext: clientContext, serverContext: serverContext)
    try first.handshake()
    // TLS 1.3 tickets arrive after the handshake, with the first records the client reads.
    try first.server.writeOutbound(ByteBuffer(string: "x"))
    try first.interact()
    #expect(first.clientHandler.connectionInfo?.sessionResumed == false)
    let second = try InMemoryTLSPair(clientContext: clientContext, serverContext: serverContext)
    try second.handshake()
    #expect(second.clientHandler.connectionInfo?.sessionResumed == true)
    #expect(second.serverHandler.connectionInfo?.sessionResumed == true)
  }

  @Test(arguments: [
    ("garbage", Array(repeating: UInt8(0xAB), count: 64)),
    ("plaintext HTTP", Array("GET / HTTP/1.1\r\nHost: localhost\r\n\r\n".utf8)),
    ("SSLv2-style hello", [0x80, 0x2E, 0x01, 0x00, 0x02] + Array(repeating: UInt8(0), count: 43)),
  ])
  func nonTLSInputIsRefused(name: String, bytes: [UInt8]) throws {
    let pair = try pair()
    try pair.server.connect(to: SocketAddress(ipAddress: "127.0.0.1", port: 1)).wait()
    try pair.server.writeInbound(ByteBuffer(bytes: bytes))
    let error = try #require(pair.serverEvents.tlsErrors.first, "\(name)")
    #expect(error.code == .notTLS || error.code == .handshakeFailed, "\(name): \(error)")
    #expect(!pair.server.isActive)
  }

  @Test func truncatedClientHelloThenEOFIsAHandshakeFailure() throws {
    let pair = try pair()
    try pair.connect()
    let hello = try #require(try pair.client.readOutbound(as: ByteBuffer.self))
    try pair.server.writeInbound(hello.getSlice(at: hello.readerIndex, length: hello.readableBytes / 2))
    #expect(pair.serverEvents.errors.isEmpty)
    pair.server.pipeline.fireChannelInactive()
    #expect(pair.serverEvents.tlsErrors.map(\.code) == [.connectionClosedDuringHandshake])
  }

  @Test func handshakeThatNeverFinishesTimesOut() throws {
    let pair = try pair(server: certificates.serverConfiguration(handshakeTimeout: .seconds(2)))
    try pair.server.connect(to: SocketAddress(ipAddress: "127.0.0.1", port: 1)).wait()
    pair.loop.advanceTime(by: .milliseconds(1900))
    #expect(pair.server.isActive)
    pair.loop.advanceTime(by: .milliseconds(200))
    #expect(pair.serverEvents.tlsErrors.map(\.code) == [.handshakeTimeout])
    #expect(pair.serverEvents.tlsErrors.first?.message.contains("2 s") == true)
    #expect(!pair.server.isActive)
  }

  @Test func closeNotifyIsSentAndAnswered() throws {
    let pair = try pair()
    try pair.handshake()
    let closed = pair.client.close()
    try pair.interact()
    #expect(!pair.server.isActive)
    #expect(!pair.client.isActive)
    try closed.wait()
    #expect(pair.clientEvents.errors.isEmpty)
    #expect(pair.serverEvents.errors.isEmpty)
  }

  @Test func closeWaitsForThePeerOnlyUntilTheShutdownTimeout() throws {
    let pair = try pair()
    try pair.handshake()
    let closed = pair.client.close()
    _ = try pair.client.readOutbound(as: ByteBuffer.self)  // close_notify, lost
    #expect(pair.client.isActive)
    pair.loop.advanceTime(by: TLSHandler.shutdownTimeout)
    #expect(!pair.client.isActive)
    try closed.wait()
  }

  @Test func eofWithoutCloseNotifyIsReported() throws {
    let pair = try pair()
    try pair.handshake()
    pair.server.pipeline.fireChannelInactive()
    #expect(pair.serverEvents.tlsErrors.map(\.code) == [.uncleanShutdown])
  }

  @Test func thousandsOfSmallRecordsArriveInOrder() throws {
    let pair = try pair()
    try pair.handshake()
    var expected = ""
    for index in 0..<5_000 {
      let text = "\(index);"
      expected += text
      pair.client.write(ByteBuffer(string: text), promise: nil)
    }
    pair.client.flush()
    try pair.interact()
    #expect(pair.serverReceivedText == expected)
  }

  @Test func recordsSplitAcrossReadsAndBatchedInOneReadAreDecoded() throws {
    let pair = try pair()
    try pair.handshake()
    var ciphertext = ByteBuffer()
    for index in 0..<50 {
      try pair.client.writeOutbound(ByteBuffer(string: "record \(index)\n"))
      while var bytes = try pair.client.readOutbound(as: ByteBuffer.self) { ciphertext.writeBuffer(&bytes) }
    }
    // One byte at a time, then the rest in one read.
    let half = ciphertext.readableBytes / 2
    for _ in 0..<half { try pair.server.writeInbound(ciphertext.readSlice(length: 1)!) }
    try pair.server.writeInbound(ciphertext)
    #expect(pair.serverReceivedText == (0..<50).map { "record \($0)\n" }.joined())
  }
}

/// Writes a text as soon as the handshake completes.
private final class WriteOnHandshake: ChannelInboundHandler {
  typealias InboundIn = ByteBuffer
  typealias OutboundOut = ByteBuffer

  private let text: String

  init(text: String) {
    self.text = text
  }

  func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
    if case .handshakeCompleted = event as? TLSUserEvent {
      context.writeAndFlush(wrapOutboundOut(ByteBuffer(string: text)), promise: nil)
    }
    context.fireUserInboundEventTriggered(event)
  }
}
