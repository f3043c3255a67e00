import NIOCore
import Testing

@testable import SoukTLS

/// Our client handler against `openssl s_server`.
@Suite("Client against openssl s_server")
struct OpenSSLClientInteropTests {
  let certificates = TestCertificates.shared

  /// Starts `openssl s_server -rev` (replies to each line with the line reversed) on an ephemeral port.
  private func sServer(certificate: String, key: String, _ extra: [String] = []) async throws -> (ExternalProcess, Int)
  {
    let server = try ExternalProcess(
      "openssl",
      ["s_server", "-accept", "127.0.0.1:0", "-cert", certificate, "-key", key, "-alpn", "souk/1", "-rev"] + extra
    )
    let line = try await server.waitForLine(startingWith: "ACCEPT ")
    let port = try #require(line.split(separator: ":").last.flatMap { Int($0) })
    return (server, port)
  }

  private func client(_ configuration: TLSConfiguration, port: Int, serverName: String? = "localhost") async throws
    -> TLSTestClient
  {
    try await TLSTestClient(port: port, context: TLSContext(configuration: configuration), serverName: serverName)
  }

  private func handshakeError(_ client: TLSTestClient) async -> TLSError? {
    do {
      _ = try await client.handshake()
      // In TLS 1.3 a server's verdict on the client certificate comes after the client's handshake.
      _ = try await client.receive(count: 1)
      return nil
    } catch {
      return error as? TLSError
    }
  }

  @Test func clientCompletesAHandshakeAndResumesItsSession() async throws {
    let (server, port) = try await sServer(
      certificate: certificates.trusted.certificateChainPath,
      key: certificates.trusted.privateKeyPath
    )
    defer { server.terminate() }
    let context = try TLSContext(configuration: certificates.clientConfiguration())
    let first = try await TLSTestClient(port: port, context: context, serverName: "localhost")
    let info = try await first.handshake()
    #expect(info.applicationProtocol == "souk/1")
    #expect(info.protocolVersion == "TLSv1.3")
    #expect(info.peerIdentity?.dnsNames == ["localhost"])
    #expect(!info.sessionResumed)
    try await first.send(Array("souk\n".utf8))
    #expect(try await first.receive(count: 5) == Array("kuos\n".utf8))
    try await first.channel.close()
    #expect(try await first.closed().isEmpty)

    let second = try await TLSTestClient(port: port, context: context, serverName: "localhost")
    #expect(try await second.handshake().sessionResumed)
    try await second.channel.close()
  }

  @Test func wrongHostNameIsRefused() async throws {
    let (server, port) = try await sServer(
      certificate: certificates.trusted.certificateChainPath,
      key: certificates.trusted.privateKeyPath
    )
    defer { server.terminate() }
    let client = try await client(certificates.clientConfiguration(), port: port, serverName: "shop.example")
    let error = try #require(await handshakeError(client))
    #expect(error.code == .certificateVerificationFailed)
    #expect(error.message.contains("hostname mismatch"), "\(error)")
  }

  @Test func untrustedCertificateIsRefused() async throws {
    let (server, port) = try await sServer(
      certificate: certificates.untrusted.certificateChainPath,
      key: certificates.untrusted.privateKeyPath
    )
    defer { server.terminate() }
    let client = try await client(certificates.clientConfiguration(), port: port)
    let error = try #require(await handshakeError(client))
    #expect(error.code == .certificateVerificationFailed)
    #expect(error.message.contains("unable to get local issuer certificate"), "\(error)")
  }

  @Test func expiredCertificateIsRefused() async throws {
    let (server, port) = try await sServer(
      certificate: certificates.expiredServer.certificatePath,
      key: certificates.expiredServer.privateKeyPath
    )
    defer { server.terminate() }
    let client = try await client(certificates.clientConfiguration(), port: port)
    let error = try #require(await handshakeError(client))
    #expect(error.code == .certificateVerificationFailed)
    #expect(error.message.contains("certificate has expired"), "\(error)")
  }

  @Test func missingClientCertificateIsRefusedWhenRequired() async throws {
    let (server, port) = try await sServer(
      certificate: certificates.trusted.certificateChainPath,
      key: certificates.trusted.privateKeyPath,
      ["-Verify", "1", "-CAfile", certificates.trusted.caCertificatePath]
    )
    defer { server.terminate() }
    let client = try await client(certificates.clientConfiguration(), port: port)
    let error = try #require(await handshakeError(client))
    #expect(error.code == .peerCertificateRequired, "\(error)")
    #expect(error.message.contains("requires a client certificate"))
  }

  @Test func clientCertificateSatisfiesARequiringServer() async throws {
    let (server, port) = try await sServer(
      certificate: certificates.trusted.certificateChainPath,
      key: certificates.trusted.privateKeyPath,
      ["-Verify", "1", "-CAfile", certificates.trusted.caCertificatePath]
    )
    defer { server.terminate() }
    let client = try await client(certificates.clientConfiguration(withClientCertificate: true), port: port)
    _ = try await client.handshake()
    try await client.send(Array("mtls\n".utf8))
    #expect(try await client.receive(count: 5) == Array("sltm\n".utf8))
    try await server.waitForOutput(containing: "CN = shop-42")
    try await client.channel.close()
  }
}
