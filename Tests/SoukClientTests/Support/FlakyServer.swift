import Logging
import NIOCore
import SoukAPIServices
import SoukRPC
import SoukTLS
import SoukTestSupport

/// A real RPC server on 127.0.0.1 over TLS (a development certificate in a temporary folder) hosting a
/// ``FlakyOrderService``, and clients of it.
struct FlakyServer: Sendable {
  let server: RPCServer
  let port: Int
  let caPath: String
  let service: FlakyOrderService

  static func start(failing failures: Int) async throws -> FlakyServer {
    let certificates = try DevelopmentCertificates.prepare(in: TemporaryDirectory.make(prefix: "souk-client-tests"))
    var logger = Logger(label: "souk.client-tests.server")
    logger.logLevel = .critical
    let configuration = RPCServer.Configuration(
      host: "127.0.0.1",
      port: 0,
      tls: .server(
        certificateChainPath: certificates.certificateChainPath,
        privateKeyPath: certificates.privateKeyPath
      ),
      logger: logger
    )
    let service = FlakyOrderService(failing: failures)
    let server = RPCServer(configuration: configuration, router: RPCRouter(services: [service]))
    let address = try await server.start()
    return FlakyServer(
      server: server, port: address.port ?? 0, caPath: certificates.caCertificatePath, service: service)
  }

  /// A client that sends `key` with every call and retries under `policy`.
  func client(key: String, policy: RetryPolicy) throws -> RPCClient {
    var configuration = RPCClient.Configuration(
      host: "127.0.0.1",
      port: self.port,
      tls: .client(trustRoots: .pemFile(self.caPath))
    )
    configuration.defaultMetadata = ["authorization": .string("Bearer \(key)")]
    configuration.retryPolicy = policy
    return try RPCClient(configuration: configuration)
  }

  func stop() async {
    await self.server.shutDown(gracePeriod: .seconds(1))
  }
}
