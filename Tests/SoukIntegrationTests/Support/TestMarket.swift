import Foundation
import Logging
import NIOCore
import SoukAPI
import SoukRPC
import SoukServer
import SoukTLS
import SoukTestSupport

/// A real `MarketServer` for one test: its own data folder, port 0 on loopback, real TLS with the development
/// certificate it makes, and a TLS client that trusts it.
struct TestMarket: MarketSession {
  let dataDirectory: String
  let running: RunningMarketServer
  let rpc: RPCClient
  let admin: Key

  /// Starts a server on a new data folder, with `configure`'s changes to the test defaults.
  static func start(configure: (inout ServerSettings) -> Void = { _ in }) async throws -> TestMarket {
    var settings = ServerSettings()
    settings.port = 0
    settings.dataDirectory = try TemporaryDirectory.make(prefix: "souk-integration")
    settings.logLevel = .warning
    configure(&settings)
    var logger = Logger(label: "souk.test")
    logger.logLevel = .warning
    let running = try await MarketServer(settings: settings, logger: logger, output: { _ in }).start()
    guard let adminKey = running.adminKey, let ca = running.developmentCAPath else {
      throw TestFailure("a server on a new data folder issues an admin key and a development certificate")
    }
    return TestMarket(
      dataDirectory: settings.dataDirectory,
      running: running,
      rpc: try Self.client(port: running.address.port ?? 0, caPath: ca),
      admin: Key(secret: adminKey)
    )
  }

  /// Runs `body` against a new server and stops the server afterwards, also when `body` throws.
  static func with<T>(
    configure: (inout ServerSettings) -> Void = { _ in },
    _ body: (TestMarket) async throws -> T
  ) async throws -> T {
    let market = try await TestMarket.start(configure: configure)
    do {
      let result = try await body(market)
      await market.stop()
      return result
    } catch {
      await market.stop()
      throw error
    }
  }

  /// A new TLS connection to the server (each `RPCClient` holds one connection).
  static func client(port: Int, caPath: String) throws -> RPCClient {
    try RPCClient(
      configuration: RPCClient.Configuration(
        host: "127.0.0.1",
        port: port,
        tls: .client(trustRoots: .pemFile(caPath), serverName: "127.0.0.1")
      )
    )
  }

  /// Another connection to the same server.
  func newConnection() throws -> RPCClient {
    try Self.client(port: self.running.address.port ?? 0, caPath: self.running.developmentCAPath ?? "")
  }

  func stop() async {
    self.rpc.close()
    await self.running.stop()
  }
}

/// An API key's secret and the metadata that presents it.
struct Key: Sendable {
  let secret: String
  var metadata: Metadata { ["authorization": .string("Bearer \(self.secret)")] }
}

/// A precondition of a test that did not hold.
struct TestFailure: Error, CustomStringConvertible {
  let description: String
  init(_ description: String) { self.description = description }
}
