import Foundation
import Logging
import SoukAPI
import SoukAPIServices
import SoukMarket
import SoukRPC
import SoukStore
import SoukStoreSQLite
import SoukTLS
import SoukTestSupport

/// A marketplace over a real SQLite store in a temporary folder, served by an in-process RPC server with the
/// real authorization, and the first admin key issued the way the server issues it.
struct MarketHarness: Sendable {
  let store: SQLiteMarketStore
  let server: RPCServer
  let client: RPCClient
  /// The first admin's session.
  let admin: Session

  /// A fresh store and server.
  static func make() async throws -> MarketHarness {
    let store = try SQLiteMarketStore.inDirectory(TemporaryDirectory.make(prefix: "souk-market-tests"))
    let market = Market(store: store)
    var logger = Logger(label: "souk.market.tests")
    logger.logLevel = .critical
    // The in-process transport never runs TLS: the server is not started, so the files are never read.
    var configuration = RPCServer.Configuration(
      host: "in-process",
      port: 0,
      tls: .server(certificateChainPath: "/nonexistent/cert.pem", privateKeyPath: "/nonexistent/key.pem"),
      logger: logger
    )
    configuration.interceptors = [market.authorization]
    let server = RPCServer(configuration: configuration, router: RPCRouter(services: market.services))
    let client = RPCClient(inProcess: server)
    guard let secret = try await ApiKeys.issueInitialAdminKey(store: store) else {
      throw HarnessError(description: "a fresh store already had an admin key")
    }
    return MarketHarness(store: store, server: server, client: client, admin: Session(client: client, secret: secret))
  }

  /// Closes the client and the server.
  func close() async {
    self.client.close()
    await self.server.shutDown(gracePeriod: .seconds(1))
  }

  /// Runs `body` with a fresh harness, closing it afterwards.
  static func with<Result: Sendable>(_ body: (MarketHarness) async throws -> Result) async throws -> Result {
    let harness = try await MarketHarness.make()
    do {
      let result = try await body(harness)
      await harness.close()
      return result
    } catch {
      await harness.close()
      throw error
    }
  }

  /// A session with `secret`.
  func session(_ secret: String) -> Session {
    Session(client: self.client, secret: secret)
  }

  /// A new active cooperative and a session with a new key of it.
  func makeCooperative(name: String = "Taitmatine") async throws -> (SoukCatalogV1.Cooperative, Session) {
    let cooperative = try await self.admin.admin.createCooperative(
      Requests.cooperative(name: name),
      metadata: self.admin.metadata
    )
    let key = try await self.issueKey(kind: .cooperative, id: cooperative.id)
    return (cooperative, self.session(key.secret))
  }

  /// A new active partner and a session with a new key of it.
  func makePartner(name: String = "Bazar Digital") async throws -> (SoukAdminV1.Partner, Session) {
    let partner = try await self.admin.admin.createPartner(Requests.partner(name: name), metadata: self.admin.metadata)
    let key = try await self.issueKey(kind: .partner, id: partner.id)
    return (partner, self.session(key.secret))
  }

  /// Issues a key through the admin service.
  func issueKey(kind: SoukCommonV1.PrincipalKind, id: String = "") async throws -> SoukAdminV1.IssueApiKeyResponse {
    var request = SoukAdminV1.IssueApiKeyRequest()
    var principal = SoukCommonV1.Principal()
    principal.kind = kind
    principal.id = id
    request.principal = principal
    request.label = "test key"
    return try await self.admin.admin.issueApiKey(request, metadata: self.admin.metadata)
  }
}

/// A harness that could not be set up.
struct HarnessError: Error, CustomStringConvertible {
  var description: String
}
