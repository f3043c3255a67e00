import Foundation
import SoukAPI
import SoukRPC

/// The accounts, products and orders the command tests list: made through the services, as people would.
struct AdminFixtures: Sendable {
  let cooperative: SoukCatalogV1.Cooperative
  let partner: SoukAdminV1.Partner
  let partnerKey: String
  let product: SoukCatalogV1.Product
  /// Newest last.
  let orders: [SoukOrdersV1.Order]

  /// A cooperative named in French and Arabic, a partner, a honey product at 45.00 MAD, and `orderCount` orders
  /// (order `i` buys `i + 1` jars; references `CMD-1`, `CMD-2`...). The first order is accepted.
  static func make(in market: AdminTestMarket, orderCount: Int = 2) async throws -> AdminFixtures {
    let admin = Self.metadata(market.adminKey)
    var createCooperative = SoukAdminV1.CreateCooperativeRequest()
    createCooperative.idempotencyKey = UUID().uuidString
    createCooperative.name = .init()
    createCooperative.name?.fr = "Coopérative Nahla"
    createCooperative.name?.ar = "تعاونية النَّحْلة"
    createCooperative.region = .fesMeknes
    createCooperative.province = "Sefrou"
    createCooperative.city = "Sefrou"
    createCooperative.sector = .localFood
    createCooperative.contact = Self.contact("Amina", "+212612345678")
    let cooperative = try await market.admin.createCooperative(createCooperative, metadata: admin)
    let cooperativeKey = try await Self.issue(.cooperative, cooperative.id, market)

    var createPartner = SoukAdminV1.CreatePartnerRequest()
    createPartner.idempotencyKey = UUID().uuidString
    createPartner.name = "Boutique Atlas"
    createPartner.contact = Self.contact("Karim", "+212612345679")
    let partner = try await market.admin.createPartner(createPartner, metadata: admin)
    let partnerKey = try await Self.issue(.partner, partner.id, market)

    var createProduct = SoukCatalogV1.CreateProductRequest()
    createProduct.idempotencyKey = UUID().uuidString
    createProduct.sku = "MIEL-500"
    createProduct.title = .init()
    createProduct.title?.fr = "Miel de thym"
    createProduct.title?.ar = "عسل الزعتر"
    createProduct.category = .honey
    createProduct.price = .init()
    createProduct.price?.amountMinor = 4_500
    createProduct.price?.currencyCode = "MAD"
    createProduct.unit = .init()
    createProduct.unit?.kind = .mass
    createProduct.unit?.amount = 500
    createProduct.stock = 100
    createProduct.status = .active
    let product = try await market.catalog.createProduct(createProduct, metadata: Self.metadata(cooperativeKey))

    var orders: [SoukOrdersV1.Order] = []
    for index in 0..<orderCount {
      var request = SoukOrdersV1.PlaceOrderRequest()
      request.idempotencyKey = UUID().uuidString
      request.partnerOrderReference = "CMD-\(index + 1)"
      var customer = SoukOrdersV1.Customer()
      customer.name = index == 0 ? "نادية الفاسي" : "Youssef Amrani"
      customer.phone = .init()
      customer.phone?.e164 = "0612345678"
      customer.deliveryAddress = .init()
      customer.deliveryAddress?.line1 = "12 Rue Talaa Kebira"
      customer.deliveryAddress?.city = "Fès"
      request.customer = customer
      request.paymentMethod = .cashOnDelivery
      var line = SoukOrdersV1.PlaceOrderLine()
      line.productId = product.id
      line.quantity = Int64(index + 1)
      request.lines = [line]
      orders.append(try await market.orders.placeOrder(request, metadata: Self.metadata(partnerKey)))
    }
    if let first = orders.first?.fulfilments.first {
      var accept = SoukOrdersV1.AcceptFulfilmentRequest()
      accept.idempotencyKey = UUID().uuidString
      accept.fulfilmentId = first.id
      _ = try await market.orders.acceptFulfilment(accept, metadata: Self.metadata(cooperativeKey))
    }
    return AdminFixtures(
      cooperative: cooperative, partner: partner, partnerKey: partnerKey, product: product, orders: orders)
  }

  private static func issue(
    _ kind: SoukCommonV1.PrincipalKind,
    _ id: String,
    _ market: AdminTestMarket
  ) async throws -> String {
    var request = SoukAdminV1.IssueApiKeyRequest()
    request.principal = .init()
    request.principal?.kind = kind
    request.principal?.id = id
    request.label = "fixture \(kind)"
    return try await market.admin.issueApiKey(request, metadata: Self.metadata(market.adminKey)).secret
  }

  private static func contact(_ name: String, _ phone: String) -> SoukCommonV1.Contact {
    var contact = SoukCommonV1.Contact()
    contact.personName = name
    contact.phone = .init()
    contact.phone?.e164 = phone
    return contact
  }

  static func metadata(_ key: String) -> Metadata {
    ["authorization": .string("Bearer \(key)")]
  }
}
