import Foundation
import Logging
import NIOCore
import SoukRPC
import SoukTLS
import SoukTestSupport
import Testing

/// Certificates for the RPC tests: a development CA and a server certificate for localhost and 127.0.0.1.
enum TestCertificates {
  static let shared: DevelopmentCertificates = {
    do {
      return try DevelopmentCertificates.prepare(in: TemporaryDirectory.make(prefix: "souk-rpc-tests"))
    } catch {
      fatalError("cannot create the test certificates: \(error)")
    }
  }()
}

/// A real server on 127.0.0.1 (a free port, real TLS) hosting the interop test service, and clients for it.
struct TestServer: Sendable {
  let server: RPCServer
  let port: Int
  let probe: HandlerProbe

  /// Starts a server; `configure` adjusts its configuration (limits, timeouts, authentication).
  static func start(
    services: [any RPCService]? = nil,
    probe: HandlerProbe = HandlerProbe(),
    configure: (inout RPCServer.Configuration) -> Void = { _ in }
  ) async throws -> TestServer {
    let certificates = TestCertificates.shared
    var logger = Logger(label: "souk.rpc.test-server")
    logger.logLevel = .critical
    var configuration = RPCServer.Configuration(
      host: "127.0.0.1",
      port: 0,
      tls: .server(
        certificateChainPath: certificates.certificateChainPath,
        privateKeyPath: certificates.privateKeyPath
      ),
      logger: logger
    )
    configure(&configuration)
    let router = RPCRouter(services: services ?? [InteropTestService(probe: probe)])
    let server = RPCServer(configuration: configuration, router: router)
    let address = try await server.start()
    return TestServer(server: server, port: address.port ?? 0, probe: probe)
  }

  /// A client configuration for this server, trusting the test CA.
  func clientConfiguration() -> RPCClient.Configuration {
    var configuration = RPCClient.Configuration(
      host: "127.0.0.1",
      port: self.port,
      tls: .client(trustRoots: .pemFile(TestCertificates.shared.caCertificatePath))
    )
    configuration.backoff = Backoff(initial: .milliseconds(50), maximum: .milliseconds(200))
    return configuration
  }

  /// A new client of this server over TLS; `configure` adjusts its configuration.
  func makeClient(configure: (inout RPCClient.Configuration) -> Void = { _ in }) throws -> RPCClient {
    var configuration = self.clientConfiguration()
    configure(&configuration)
    return try RPCClient(configuration: configuration)
  }

  /// Runs `body` with a client over `transport`, then closes the client and shuts the server down.
  func withClient<Result: Sendable>(
    over transport: TestTransport = .tls,
    _ body: (RPCClient) async throws -> Result
  ) async throws -> Result {
    let client =
      switch transport {
      case .tls: try self.makeClient()
      case .inProcess: RPCClient(inProcess: self.server)
      }
    do {
      let result = try await body(client)
      client.close()
      await self.server.shutDown(gracePeriod: .seconds(1))
      return result
    } catch {
      client.close()
      await self.server.shutDown(gracePeriod: .seconds(1))
      throw error
    }
  }
}

/// How a test's client reaches the server: real TLS over loopback, or the in-process transport.
enum TestTransport: String, Sendable, CaseIterable, CustomTestStringConvertible {
  case tls
  case inProcess

  var testDescription: String { self.rawValue }
}
