import Foundation
import SoukAPI
import SoukClient

/// Accounts and products made through `SoukClient`, as an operator and a cooperative would.
enum MarketFixtures {
  /// Creates an active cooperative and issues it a key.
  static func cooperative(admin: SoukClient) async throws -> (SoukCatalogV1.Cooperative, key: String) {
    var request = SoukAdminV1.CreateCooperativeRequest()
    request.name = SoukCommonV1.LocalizedText()
    request.name?.fr = "Coopérative Tazekka"
    request.name?.ar = "تعاونية تازكة"
    request.region = .fesMeknes
    request.province = "Taza"
    request.city = "Taza"
    request.sector = .localFood
    var contact = SoukCommonV1.Contact()
    contact.personName = "Amina"
    contact.phone = SoukCommonV1.PhoneNumber()
    contact.phone?.e164 = "+212612345678"
    request.contact = contact
    let cooperative = try await admin.admin.createCooperative(request)
    return (cooperative, try await Self.issueKey(admin: admin, kind: .cooperative, id: cooperative.id))
  }

  /// Creates an active partner and issues it a key.
  static func partner(admin: SoukClient) async throws -> (SoukAdminV1.Partner, key: String) {
    var request = SoukAdminV1.CreatePartnerRequest()
    request.name = "Boutique Fès"
    var contact = SoukCommonV1.Contact()
    contact.personName = "Karim"
    contact.email = "karim@example.com"
    contact.phone = SoukCommonV1.PhoneNumber()
    contact.phone?.e164 = "+212612345679"
    request.contact = contact
    let partner = try await admin.admin.createPartner(request)
    return (partner, try await Self.issueKey(admin: admin, kind: .partner, id: partner.id))
  }

  static func issueKey(admin: SoukClient, kind: SoukCommonV1.PrincipalKind, id: String) async throws -> String {
    var request = SoukAdminV1.IssueApiKeyRequest()
    request.principal = SoukCommonV1.Principal()
    request.principal?.kind = kind
    request.principal?.id = id
    request.label = "client test key"
    return try await admin.admin.issueApiKey(request).secret
  }

  /// Creates an active product of the client's cooperative.
  static func product(by cooperative: SoukClient, sku: String, stock: Int64) async throws -> SoukCatalogV1.Product {
    var request = SoukCatalogV1.CreateProductRequest()
    request.sku = sku
    request.title = SoukCommonV1.LocalizedText()
    request.title?.fr = "Miel de thym \(sku)"
    request.title?.ar = "عسل الزعتر"
    request.category = .honey
    var price = SoukCommonV1.Money()
    price.amountMinor = 4_500
    price.currencyCode = "MAD"
    request.price = price
    request.unit = SoukCatalogV1.Unit()
    request.unit?.kind = .mass
    request.unit?.amount = 500
    request.stock = stock
    request.status = .active
    return try await cooperative.catalog.createProduct(request)
  }

  /// Sets a product's stock.
  static func setStock(by cooperative: SoukClient, productID: String, to stock: Int64) async throws {
    var request = SoukCatalogV1.SetStockRequest()
    request.productId = productID
    request.stock = stock
    _ = try await cooperative.catalog.setStock(request)
  }

  /// A valid cash-on-delivery order of `quantity` units of one product, with no idempotency key.
  static func order(reference: String, productID: String, quantity: Int64 = 1) -> SoukOrdersV1.PlaceOrderRequest {
    var request = SoukOrdersV1.PlaceOrderRequest()
    request.partnerOrderReference = reference
    var customer = SoukOrdersV1.Customer()
    customer.name = "Nadia El Fassi"
    customer.phone = SoukCommonV1.PhoneNumber()
    customer.phone?.e164 = "0612345678"
    customer.deliveryAddress = SoukCommonV1.PostalAddress()
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
