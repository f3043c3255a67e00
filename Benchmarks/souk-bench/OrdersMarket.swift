import Foundation
import SoukAPI
import SoukAPIServices
import SoukClient
import SoukMarket

/// What the benchmark's callers order from, made through the services as an operator and a cooperative would: one
/// cooperative (made by the admin, with a key of its own) selling products of very large stock, and one partner
/// with a key, whose callers place the orders.
struct OrdersMarket: Sendable {
  /// The server listed something other than what the benchmark made.
  struct Failure: Error, CustomStringConvertible {
    var description: String
  }

  /// The partner's API key.
  var partnerKey: String
  /// The products the orders are for.
  var productIDs: [String]
  /// Every product's stock before the first order.
  var initialStock: Int64

  /// Makes the cooperative, its products and the partner on the server at `address`, as the admin of `adminKey`.
  static func make(
    address: String,
    caPath: String,
    adminKey: String,
    productCount: Int,
    stock: Int64
  ) async throws -> OrdersMarket {
    let trust = SoukClient.Trust.certificateAuthority(path: caPath)
    let admin = try SoukClient(address: address, key: adminKey, trust: trust)
    defer { admin.close() }

    var cooperativeRequest = SoukAdminV1.CreateCooperativeRequest()
    cooperativeRequest.idempotencyKey = UUID().uuidString
    cooperativeRequest.name = .init()
    cooperativeRequest.name?.fr = "Coopérative du banc d'essai"
    cooperativeRequest.name?.ar = "تعاونية الاختبار"
    cooperativeRequest.region = .fesMeknes
    cooperativeRequest.province = "Fès"
    cooperativeRequest.city = "Fès"
    cooperativeRequest.sector = .localFood
    cooperativeRequest.contact = contact(person: "Amina", phone: "+212612345678")
    let cooperative = try await admin.admin.createCooperative(cooperativeRequest)

    var partnerRequest = SoukAdminV1.CreatePartnerRequest()
    partnerRequest.idempotencyKey = UUID().uuidString
    partnerRequest.name = "Boutique du banc d'essai"
    partnerRequest.contact = contact(person: "Karim", phone: "+212612345679")
    let partner = try await admin.admin.createPartner(partnerRequest)

    let cooperativeKey = try await issueKey(admin, kind: .cooperative, id: cooperative.id)
    let partnerKey = try await issueKey(admin, kind: .partner, id: partner.id)

    let seller = try SoukClient(address: address, key: cooperativeKey, trust: trust)
    defer { seller.close() }
    var productIDs: [String] = []
    for index in 0..<productCount {
      var request = SoukCatalogV1.CreateProductRequest()
      request.idempotencyKey = UUID().uuidString
      request.sku = "BENCH-\(index + 1)"
      request.title = .init()
      request.title?.fr = "Miel de thym \(index + 1)"
      request.title?.ar = "عسل الزعتر"
      request.category = .honey
      request.price = .mad(4_500)
      request.unit = .init()
      request.unit?.kind = .mass
      request.unit?.amount = 500
      request.stock = stock
      request.status = .active
      productIDs.append(try await seller.catalog.createProduct(request).id)
    }
    return OrdersMarket(partnerKey: partnerKey, productIDs: productIDs, initialStock: stock)
  }

  /// A one-line cash-on-delivery order of one unit of `productID`, with a fresh idempotency key and reference.
  func orderRequest(productID: String) -> SoukOrdersV1.PlaceOrderRequest {
    var request = SoukOrdersV1.PlaceOrderRequest()
    let unique = UUID().uuidString
    request.idempotencyKey = unique
    request.partnerOrderReference = "BENCH-\(unique)"
    var customer = SoukOrdersV1.Customer()
    customer.name = "Nadia El Fassi"
    customer.phone = .init()
    customer.phone?.e164 = "+212612345678"
    customer.deliveryAddress = .init()
    customer.deliveryAddress?.line1 = "12 Rue Talaa Kebira"
    customer.deliveryAddress?.city = "Fès"
    request.customer = customer
    request.paymentMethod = .cashOnDelivery
    var line = SoukOrdersV1.PlaceOrderLine()
    line.productId = productID
    line.quantity = 1
    request.lines = [line]
    return request
  }

  /// The units sold so far over all the products, read back from the store (as the partner sees the stock).
  func unitsSold(through client: SoukClient) async throws -> Int64 {
    var request = SoukCatalogV1.ListProductsRequest()
    request.productIds = productIDs
    request.page = .init()
    request.page?.pageSize = UInt32(productIDs.count)
    let products = try await client.catalog.listProducts(request).products
    guard products.count == productIDs.count else {
      throw Failure(description: "expected \(productIDs.count) products, listed \(products.count)")
    }
    return products.reduce(0) { $0 + (initialStock - $1.stock) }
  }

  private static func contact(person: String, phone: String) -> SoukCommonV1.Contact {
    var contact = SoukCommonV1.Contact()
    contact.personName = person
    contact.phone = .init()
    contact.phone?.e164 = phone
    return contact
  }

  private static func issueKey(
    _ admin: SoukClient,
    kind: SoukCommonV1.PrincipalKind,
    id: String
  ) async throws -> String {
    var request = SoukAdminV1.IssueApiKeyRequest()
    request.principal = .init()
    request.principal?.kind = kind
    request.principal?.id = id
    request.label = "souk-bench orders"
    return try await admin.admin.issueApiKey(request).secret
  }
}
