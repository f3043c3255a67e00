import Foundation
import Logging
import NIOCore
import SoukAPI
import SoukRPC
import SoukServer
import SoukTLS
import SoukTestSupport

/// A real Souk server for one test, in this process: its own data folder, port 0 on loopback, real TLS with the
/// development certificate it makes, plus a client connection for setting up accounts and orders.
struct AdminTestMarket: Sendable {
  let running: RunningMarketServer
  let rpc: RPCClient
  /// The admin key the server issued at its first start.
  let adminKey: String
  /// The development CA the tool must be given with `--ca`.
  let caPath: String

  /// `127.0.0.1:<port>`.
  var address: String { "127.0.0.1:\(self.running.address.port ?? 0)" }

  var admin: SoukAdminV1.AdminService.Client { .init(wrapping: self.rpc) }
  var catalog: SoukCatalogV1.CatalogService.Client { .init(wrapping: self.rpc) }
  var orders: SoukOrdersV1.OrderService.Client { .init(wrapping: self.rpc) }

  /// Runs `body` against a new server and stops the server afterwards, also when `body` throws.
  static func with<T>(_ body: (AdminTestMarket) async throws -> T) async throws -> T {
    var settings = ServerSettings()
    settings.port = 0
    settings.dataDirectory = try TemporaryDirectory.make(prefix: "souk-admin-tool")
    settings.logLevel = .error
    var logger = Logger(label: "souk.test")
    logger.logLevel = .error
    let running = try await MarketServer(settings: settings, logger: logger, output: { _ in }).start()
    guard let adminKey = running.adminKey, let ca = running.developmentCAPath else {
      await running.stop()
      throw AdminTestFailure("a server on a new data folder issues an admin key and a development certificate")
    }
    let rpc = try RPCClient(
      configuration: RPCClient.Configuration(
        host: "127.0.0.1",
        port: running.address.port ?? 0,
        tls: .client(trustRoots: .pemFile(ca), serverName: "127.0.0.1")
      ))
    let market = AdminTestMarket(running: running, rpc: rpc, adminKey: adminKey, caPath: ca)
    do {
      let result = try await body(market)
      await market.stop()
      return result
    } catch {
      await market.stop()
      throw error
    }
  }

  private func stop() async {
    self.rpc.close()
    await self.running.stop()
  }

  /// Runs `souk-admin` with `arguments` against this server, with its address, CA and the admin key (or `key`).
  func tool(_ arguments: [String], key: String? = nil, ca: Bool = true) async throws -> AdminToolRun {
    let connection = ["--address", self.address, "--key", key ?? self.adminKey] + (ca ? ["--ca", self.caPath] : [])
    return try await AdminToolRun.run(arguments + connection)
  }
}
