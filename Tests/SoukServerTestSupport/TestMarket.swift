import Foundation
import Logging
import NIOCore
import SoukAPI
package import SoukRPC
package import SoukServer
import SoukTLS
import SoukTestSupport

/// A real `MarketServer` for one test, in this process: its own data folder, port 0 on loopback, real TLS with
/// the development certificate it makes, and a TLS client that trusts it.
package struct TestMarket: MarketSession {
  /// The settings the server runs with (after `configure`'s changes).
  package let settings: ServerSettings
  /// The running server.
  package let running: RunningMarketServer
  /// A connection for setting up accounts, products and orders.
  package let rpc: RPCClient
  /// The admin key the server issued at its first start.
  package let admin: Key
  /// The development CA that clients (and the tools, with `--ca`) must trust.
  package let caPath: String

  /// The server's data folder.
  package var dataDirectory: String { self.settings.dataDirectory }
  /// The port the server listens on.
  package var port: Int { self.running.address.port ?? 0 }
  /// `127.0.0.1:<port>`.
  package var address: String { "127.0.0.1:\(self.port)" }

  /// Starts a server on a new data folder named after `prefix`, with `configure`'s changes to the test defaults
  /// (port 0, log level `warning`).
  package static func start(
    prefix: String = "souk-test-market",
    configure: (inout ServerSettings) -> Void = { _ in }
  ) async throws -> TestMarket {
    var settings = ServerSettings()
    settings.port = 0
    settings.dataDirectory = try TemporaryDirectory.make(prefix: prefix)
    settings.logLevel = .warning
    configure(&settings)
    let running = try await Self.run(settings)
    guard let adminKey = running.adminKey, let ca = running.developmentCAPath else {
      await running.stop()
      throw TestFailure("a server on a new data folder issues an admin key and a development certificate")
    }
    return TestMarket(
      settings: settings,
      running: running,
      rpc: try Self.client(port: running.address.port ?? 0, caPath: ca),
      admin: Key(secret: adminKey),
      caPath: ca
    )
  }

  /// Runs `body` against a new server and stops the server afterwards, also when `body` throws.
  package static func with<T>(
    prefix: String = "souk-test-market",
    configure: (inout ServerSettings) -> Void = { _ in },
    _ body: (TestMarket) async throws -> T
  ) async throws -> T {
    let market = try await TestMarket.start(prefix: prefix, configure: configure)
    do {
      let result = try await body(market)
      await market.stop()
      return result
    } catch {
      await market.stop()
      throw error
    }
  }

  /// Stops this server and starts a new one on the same data folder and port, so that clients reconnect to it as
  /// to a production server; the admin key and the development CA stay the same.
  package func restarted() async throws -> TestMarket {
    await self.stop()
    var settings = self.settings
    settings.port = self.port
    let running = try await Self.run(settings)
    return TestMarket(
      settings: settings,
      running: running,
      rpc: try Self.client(port: self.port, caPath: self.caPath),
      admin: self.admin,
      caPath: self.caPath
    )
  }

  /// A new TLS connection to the server on `port` that trusts the CA at `caPath` (each `RPCClient` holds one
  /// connection).
  package static func client(port: Int, caPath: String) throws -> RPCClient {
    try RPCClient(
      configuration: RPCClient.Configuration(
        host: "127.0.0.1",
        port: port,
        tls: .client(trustRoots: .pemFile(caPath), serverName: "127.0.0.1")
      )
    )
  }

  /// Another connection to the same server.
  package func newConnection() throws -> RPCClient {
    try Self.client(port: self.port, caPath: self.caPath)
  }

  /// Closes ``rpc`` and stops the server.
  package func stop() async {
    self.rpc.close()
    await self.running.stop()
  }

  private static func run(_ settings: ServerSettings) async throws -> RunningMarketServer {
    var logger = Logger(label: "souk.test")
    logger.logLevel = settings.logLevel
    return try await MarketServer(settings: settings, logger: logger, output: { _ in }).start()
  }
}
