import NIOCore
import Testing

@testable import SoukTLS

/// Our server handler against `openssl s_client`.
@Suite("Server against openssl s_client")
struct OpenSSLServerInteropTests {
  let certificates = TestCertificates.shared

  private func startServer() async throws -> TLSTestServer {
    try await TLSTestServer(context: TLSContext(configuration: certificates.serverConfiguration()))
  }

  private func sClient(port: Int, _ extra: [String]) throws -> ExternalProcess {
    try ExternalProcess(
      "openssl",
      ["s_client", "-connect", "127.0.0.1:\(port)", "-servername", "localhost"] + extra
    )
  }

  @Test(arguments: [("-tls1_3", "TLSv1.3"), ("-tls1_2", "TLSv1.2")])
  func sClientCompletesAHandshakeWithSouk(flag: String, version: String) async throws {
    let server = try await startServer()
    defer { Task { try? await server.close() } }
    let client = try sClient(
      port: server.port,
      [
        flag, "-alpn", "souk/1", "-CAfile", certificates.trusted.caCertificatePath, "-verify_return_error",
        "-verify_hostname", "localhost",
      ]
    )
    let output = try await client.waitForOutput(containing: "ALPN protocol: souk/1")
    #expect(output.contains("Verify return code: 0 (ok)"))
    try client.send("ping souk\n")
    try await client.waitForOutput(containing: "ping souk")
    try client.send("Q\n")  // s_client sends close_notify and exits
    #expect(try await client.waitForExit() == 0)
    let outcome = try await server.nextClosedConnection()
    #expect(outcome.errors.isEmpty, "\(outcome.errors)")
    #expect(outcome.info?.protocolVersion == version)
    #expect(outcome.info?.applicationProtocol == "souk/1")
    #expect(outcome.bytesReceived == "ping souk\n".utf8.count)
  }

  @Test func tls11IsRefused() async throws {
    let server = try await startServer()
    defer { Task { try? await server.close() } }
    // SECLEVEL=0 lets this OpenSSL send a TLS 1.1 hello at all.
    let client = try sClient(port: server.port, ["-tls1_1", "-cipher", "DEFAULT@SECLEVEL=0", "-alpn", "souk/1"])
    #expect(try await client.waitForExit() != 0)
    let outcome = try await server.nextClosedConnection()
    #expect(outcome.info == nil)
    #expect(outcome.errors.map(\.code) == [.unsupportedProtocolVersion], "\(outcome.errors)")
  }

  @Test(arguments: [["-alpn", "h2,http/1.1"], []])
  func clientWithoutSoukALPNIsRefused(alpnArguments: [String]) async throws {
    let server = try await startServer()
    defer { Task { try? await server.close() } }
    let client = try sClient(port: server.port, alpnArguments)
    try await client.waitForOutput(containing: "no application protocol")
    #expect(try await client.waitForExit() != 0)
    let outcome = try await server.nextClosedConnection()
    #expect(outcome.info == nil)
    let error = try #require(outcome.errors.first)
    #expect(error.code == .noApplicationProtocol, "\(error)")
    #expect(error.message.contains("souk/1"))
  }
}
