import Foundation
import Logging
import NIOCore
import SoukAPI
import SoukClient
import SoukServer
import SoukTestSupport

/// A real Souk server for one test, in this process on port 0 with its development certificate, plus a
/// cooperative and a partner with their keys, and the environment that points `souk-coop` at it.
struct CoopTestMarket: Sendable {
  let running: RunningMarketServer
  let port: Int
  let caPath: String
  let admin: SoukClient
  let cooperativeID: String
  let cooperativeKey: String
  let cooperative: SoukClient
  let partnerKey: String
  let partner: SoukClient
  /// A folder for the test's files.
  let folder: String

  /// `SOUK_ADDRESS`, `SOUK_KEY` (the cooperative's) and `SOUK_CA` for the tool.
  var environment: [String: String] {
    ["SOUK_ADDRESS": "127.0.0.1:\(self.port)", "SOUK_KEY": self.cooperativeKey, "SOUK_CA": self.caPath]
  }

  /// Runs `souk-coop arguments` against this server with the cooperative's key (or `environment`'s changes).
  func coop(_ arguments: String..., environment changes: [String: String] = [:]) async throws
    -> CoopToolProcess.Result
  {
    try await CoopToolProcess.run(arguments, environment: self.environment.merging(changes) { $1 })
  }

  /// Starts a server, runs `body`, and stops the server also when `body` throws.
  static func with(_ body: (CoopTestMarket) async throws -> Void) async throws {
    let market = try await Self.start()
    do {
      try await body(market)
    } catch {
      await market.stop()
      throw error
    }
    await market.stop()
  }

  static func start() async throws -> CoopTestMarket {
    var settings = ServerSettings()
    settings.port = 0
    settings.dataDirectory = try TemporaryDirectory.make(prefix: "souk-coop-tool")
    settings.logLevel = .warning
    var logger = Logger(label: "souk.test")
    logger.logLevel = .warning
    let running = try await MarketServer(settings: settings, logger: logger, output: { _ in }).start()
    guard let adminKey = running.adminKey, let ca = running.developmentCAPath, let port = running.address.port else {
      throw CoopTestFailure("a server on a new data folder issues an admin key and a development certificate")
    }
    let address = "127.0.0.1:\(port)"
    let admin = try SoukClient(address: address, key: adminKey, trust: .certificateAuthority(path: ca))
    let (cooperativeID, cooperativeKey) = try await Self.makeCooperative(admin)
    let partnerKey = try await Self.makePartner(admin)
    return CoopTestMarket(
      running: running,
      port: port,
      caPath: ca,
      admin: admin,
      cooperativeID: cooperativeID,
      cooperativeKey: cooperativeKey,
      cooperative: try SoukClient(address: address, key: cooperativeKey, trust: .certificateAuthority(path: ca)),
      partnerKey: partnerKey,
      partner: try SoukClient(address: address, key: partnerKey, trust: .certificateAuthority(path: ca)),
      folder: try TemporaryDirectory.make(prefix: "souk-coop-files")
    )
  }

  func stop() async {
    self.admin.close()
    self.cooperative.close()
    self.partner.close()
    await self.running.stop()
  }

  /// An active cooperative and its key.
  static func makeCooperative(_ admin: SoukClient, name: String = "Coopérative Taza") async throws -> (
    String, String
  ) {
    var request = SoukAdminV1.CreateCooperativeRequest()
    request.idempotencyKey = UUID().uuidString
    request.name = .init()
    request.name?.fr = name
    request.region = .fesMeknes
    request.province = "Taza"
    request.city = "Taza"
    request.sector = .localFood
    var contact = SoukCommonV1.Contact()
    contact.personName = "Amina"
    contact.phone = .init()
    contact.phone?.e164 = "+212612345678"
    request.contact = contact
    let cooperative = try await admin.call(SoukAdminV1.AdminService.Method.CreateCooperative.self, request)
    return (cooperative.id, try await Self.issueKey(admin, kind: .cooperative, id: cooperative.id))
  }

  /// An active partner's key.
  static func makePartner(_ admin: SoukClient) async throws -> String {
    var request = SoukAdminV1.CreatePartnerRequest()
    request.idempotencyKey = UUID().uuidString
    request.name = "Boutique test"
    var contact = SoukCommonV1.Contact()
    contact.personName = "Karim"
    contact.email = "karim@example.com"
    contact.phone = .init()
    contact.phone?.e164 = "+212612345679"
    request.contact = contact
    let partner = try await admin.call(SoukAdminV1.AdminService.Method.CreatePartner.self, request)
    return try await Self.issueKey(admin, kind: .partner, id: partner.id)
  }

  static func issueKey(_ admin: SoukClient, kind: SoukCommonV1.PrincipalKind, id: String) async throws -> String {
    var request = SoukAdminV1.IssueApiKeyRequest()
    request.principal = .init()
    request.principal?.kind = kind
    request.principal?.id = id
    request.label = "test key"
    return try await admin.call(SoukAdminV1.AdminService.Method.IssueApiKey.self, request).secret
  }

  /// The cooperative's product with `sku`.
  func product(_ sku: String) async throws -> SoukCatalogV1.Product {
    var key = SoukCatalogV1.ProductSkuKey()
    key.sku = sku
    var request = SoukCatalogV1.GetProductRequest()
    request.lookup = .skuKey(key)
    return try await self.cooperative.call(SoukCatalogV1.CatalogService.Method.GetProduct.self, request)
  }

  /// Every product of the cooperative, in every status.
  func products() async throws -> [SoukCatalogV1.Product] {
    var request = SoukCatalogV1.ListProductsRequest()
    request.cooperativeIds = [self.cooperativeID]
    request.statuses = [.draft, .active, .archived]
    request.page = .init()
    request.page?.pageSize = 500
    return try await self.cooperative.call(SoukCatalogV1.CatalogService.Method.ListProducts.self, request).products
  }

  /// The partner places an order of `quantity` units of `productID`.
  func placeOrder(productID: String, quantity: Int64 = 1) async throws -> SoukOrdersV1.Order {
    var request = SoukOrdersV1.PlaceOrderRequest()
    request.idempotencyKey = UUID().uuidString
    request.partnerOrderReference = "CMD-\(UUID().uuidString.prefix(8))"
    var customer = SoukOrdersV1.Customer()
    customer.name = "Nadia El Fassi"
    customer.phone = .init()
    customer.phone?.e164 = "0612345678"
    customer.deliveryAddress = .init()
    customer.deliveryAddress?.line1 = "12 Rue Talaa Kebira"
    customer.deliveryAddress?.city = "Fès"
    request.customer = customer
    request.paymentMethod = .cashOnDelivery
    var line = SoukOrdersV1.PlaceOrderLine()
    line.productId = productID
    line.quantity = quantity
    request.lines = [line]
    return try await self.partner.call(SoukOrdersV1.OrderService.Method.PlaceOrder.self, request)
  }
}
