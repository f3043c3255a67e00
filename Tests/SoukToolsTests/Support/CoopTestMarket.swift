import Foundation
import SoukAPI
import SoukAPIServices
import SoukClient
import SoukServerTestSupport
import SoukTestSupport

/// A ``TestMarket`` with a cooperative and a partner, their keys and clients, and the environment that points
/// `souk-coop` at it.
struct CoopTestMarket: Sendable {
  let market: TestMarket
  let cooperativeID: String
  let cooperativeKey: String
  let cooperative: SoukClient
  let partnerKey: String
  let partner: SoukClient
  /// A folder for the test's files.
  let folder: String

  /// The server's port.
  var port: Int { self.market.port }

  /// `SOUK_ADDRESS`, `SOUK_KEY` (the cooperative's) and `SOUK_CA` for the tool.
  var environment: [String: String] {
    ["SOUK_ADDRESS": self.market.address, "SOUK_KEY": self.cooperativeKey, "SOUK_CA": self.market.caPath]
  }

  /// Runs `souk-coop arguments` against this server with the cooperative's key (or `environment`'s changes).
  func coop(_ arguments: String..., environment changes: [String: String] = [:]) async throws -> ToolRun {
    try await ToolProcess.coop(arguments, environment: self.environment.merging(changes) { $1 })
  }

  /// Starts a server, runs `body`, and stops the server also when `body` throws.
  static func with(_ body: (CoopTestMarket) async throws -> Void) async throws {
    try await TestMarket.with(prefix: "souk-coop-tool") { market in
      let coop = try await Self.start(on: market)
      defer {
        coop.cooperative.close()
        coop.partner.close()
      }
      try await body(coop)
    }
  }

  /// Makes the cooperative "Coopérative Taza" and a partner on `market`, with clients for both.
  private static func start(on market: TestMarket) async throws -> CoopTestMarket {
    let (cooperative, cooperativeKey) = try await market.makeCooperative(
      "Coopérative Taza", province: "Taza", city: "Taza")
    let (_, partnerKey) = try await market.makePartner()
    let trust = SoukClient.Trust.certificateAuthority(path: market.caPath)
    return CoopTestMarket(
      market: market,
      cooperativeID: cooperative.id,
      cooperativeKey: cooperativeKey.secret,
      cooperative: try SoukClient(address: market.address, key: cooperativeKey.secret, trust: trust),
      partnerKey: partnerKey.secret,
      partner: try SoukClient(address: market.address, key: partnerKey.secret, trust: trust),
      folder: try TemporaryDirectory.make(prefix: "souk-coop-files")
    )
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
    let request = TestMarket.orderRequest(
      key: UUID().uuidString,
      reference: "CMD-\(UUID().uuidString.prefix(8))",
      productID: productID,
      quantity: quantity
    )
    return try await self.partner.call(SoukOrdersV1.OrderService.Method.PlaceOrder.self, request)
  }
}
