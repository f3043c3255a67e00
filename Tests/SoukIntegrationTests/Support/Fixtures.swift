import Foundation
import SoukAPI
import SoukRPC

/// A connection to a Souk server and its admin key: what the fixtures need.
protocol MarketSession: Sendable {
  var rpc: RPCClient { get }
  var admin: Key { get }
}

/// A session over any connection (a server in a child process, say).
struct MarketClients: MarketSession {
  let rpc: RPCClient
  let admin: Key
}

extension MarketSession {
  var catalog: SoukCatalogV1.CatalogService.Client { .init(wrapping: self.rpc) }
  var orders: SoukOrdersV1.OrderService.Client { .init(wrapping: self.rpc) }
  var adminService: SoukAdminV1.AdminService.Client { .init(wrapping: self.rpc) }
}

/// Accounts and products made through the admin and catalog services, as an operator and a cooperative would.
extension MarketSession {
  /// Creates an active cooperative of the Fès-Meknès region and issues it a key.
  func makeCooperative(_ name: String = "Coopérative test") async throws -> (SoukCatalogV1.Cooperative, Key) {
    var request = SoukAdminV1.CreateCooperativeRequest()
    request.idempotencyKey = UUID().uuidString
    request.name = .init()
    request.name?.fr = name
    request.region = .fesMeknes
    request.province = "Fès"
    request.city = "Fès"
    request.sector = .localFood
    var contact = SoukCommonV1.Contact()
    contact.personName = "Amina"
    contact.phone = .init()
    contact.phone?.e164 = "+212612345678"
    request.contact = contact
    let cooperative = try await self.adminService.createCooperative(request, metadata: self.admin.metadata)
    let key = try await self.issueKey(kind: .cooperative, id: cooperative.id)
    return (cooperative, key)
  }

  /// Creates an active partner and issues it a key.
  func makePartner(_ name: String = "Boutique test") async throws -> (SoukAdminV1.Partner, Key) {
    var request = SoukAdminV1.CreatePartnerRequest()
    request.idempotencyKey = UUID().uuidString
    request.name = name
    var contact = SoukCommonV1.Contact()
    contact.personName = "Karim"
    contact.email = "karim@example.com"
    contact.phone = .init()
    contact.phone?.e164 = "+212612345679"
    request.contact = contact
    let partner = try await self.adminService.createPartner(request, metadata: self.admin.metadata)
    let key = try await self.issueKey(kind: .partner, id: partner.id)
    return (partner, key)
  }

  /// Issues a key for a principal.
  func issueKey(kind: SoukCommonV1.PrincipalKind, id: String) async throws -> Key {
    var request = SoukAdminV1.IssueApiKeyRequest()
    request.principal = .init()
    request.principal?.kind = kind
    request.principal?.id = id
    request.label = "test key"
    let response = try await self.adminService.issueApiKey(request, metadata: self.admin.metadata)
    return Key(secret: response.secret)
  }

  /// Creates an ACTIVE product of the key's cooperative.
  func makeProduct(
    by cooperative: Key,
    sku: String,
    priceCentimes: Int64 = 4_500,
    stock: Int64
  ) async throws -> SoukCatalogV1.Product {
    var request = SoukCatalogV1.CreateProductRequest()
    request.idempotencyKey = "create-\(sku)"
    request.sku = sku
    request.title = .init()
    request.title?.fr = "Miel de thym \(sku)"
    request.title?.ar = "عسل الزعتر"
    request.category = .honey
    request.price = .mad(priceCentimes)
    request.unit = .init()
    request.unit?.kind = .mass
    request.unit?.amount = 500
    request.stock = stock
    request.status = .active
    return try await self.catalog.createProduct(request, metadata: cooperative.metadata)
  }

}

extension TestMarket {
  /// A valid order of `quantity` units of one product.
  static func orderRequest(
    key: String,
    reference: String,
    productID: String,
    quantity: Int64 = 1
  ) -> SoukOrdersV1.PlaceOrderRequest {
    var request = SoukOrdersV1.PlaceOrderRequest()
    request.idempotencyKey = key
    request.partnerOrderReference = reference
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
    return request
  }
}

extension SoukCommonV1.Money {
  /// An amount of Moroccan dirhams in centimes.
  static func mad(_ centimes: Int64) -> SoukCommonV1.Money {
    var money = SoukCommonV1.Money()
    money.amountMinor = centimes
    money.currencyCode = "MAD"
    return money
  }
}
