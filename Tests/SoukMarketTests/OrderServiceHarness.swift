import SoukAPI
import SoukAPIServices
import SoukMarket
import SoukRPC
import SoukStore
import SoukStoreSQLite
import SoukTestSupport
import SoukWire

/// An order service over a fresh SQLite store in a temporary folder, with two active cooperatives (A with two
/// products, B with one), an active partner, a second partner, and contexts for each kind of caller.
struct OrderServiceHarness {
  static let partnerID = "ptn_shop"
  static let otherPartnerID = "ptn_other"
  static let cooperativeA = "coop_taza"
  static let cooperativeB = "coop_fes"
  /// Argan oil of cooperative A: 120.00 MAD, stock 10.
  static let oil = "prd_oil"
  /// Honey of cooperative A: 85.50 MAD, stock 5.
  static let honey = "prd_honey"
  /// A rug of cooperative B: 1,500.00 MAD, stock 2.
  static let rug = "prd_rug"

  let store: SQLiteMarketStore
  let handler: OrderServiceHandler

  init() async throws {
    self.store = try SQLiteMarketStore.inDirectory(try TemporaryDirectory.make(prefix: "souk-orders"))
    self.handler = OrderServiceHandler(store: self.store)
    let setup = MarketCall(system: "test/setup").write()
    for id in [Self.cooperativeA, Self.cooperativeB] {
      var cooperative = SoukCatalogV1.Cooperative()
      cooperative.id = id
      cooperative.name = Self.text(id)
      cooperative.region = .fesMeknes
      cooperative.city = "Taza"
      cooperative.sector = .localFood
      cooperative.status = .active
      cooperative.createdAt = .now()
      cooperative.updatedAt = cooperative.createdAt
      _ = try await self.store.insertCooperative(cooperative, context: setup)
    }
    for (id, cooperative, price, stock) in [
      (Self.oil, Self.cooperativeA, Int64(12_000), Int64(10)), (Self.honey, Self.cooperativeA, 8_550, 5),
      (Self.rug, Self.cooperativeB, 150_000, 2),
    ] {
      var product = SoukCatalogV1.Product()
      product.id = id
      product.cooperativeId = cooperative
      product.sku = id.uppercased()
      product.title = Self.text(id)
      product.category = .unspecified
      product.price = SoukCommonV1.Money.mad(price)
      product.stock = stock
      product.status = .active
      product.createdAt = .now()
      product.updatedAt = product.createdAt
      _ = try await self.store.insertProduct(product, context: setup)
    }
    for id in [Self.partnerID, Self.otherPartnerID] {
      var partner = SoukAdminV1.Partner()
      partner.id = id
      partner.name = id
      partner.status = .active
      partner.createdAt = .now()
      partner.updatedAt = partner.createdAt
      _ = try await self.store.insertPartner(partner, context: setup)
    }
  }

  static func text(_ value: String) -> SoukCommonV1.LocalizedText {
    var text = SoukCommonV1.LocalizedText()
    text.fr = value
    return text
  }

  /// The context of a call of `method` by the principal of `kind` `id`, as ``MarketAuthorization`` attaches it.
  func context<Method: RPCMethod>(
    _ method: Method.Type,
    _ kind: SoukCommonV1.PrincipalKind,
    _ id: String = ""
  ) -> ServerContext {
    var context = ServerContext(
      descriptor: Method.descriptor,
      requestMetadata: [:],
      deadline: nil,
      peer: PeerInfo(remoteAddress: "in-memory", tls: nil),
      response: ResponseMetadata()
    )
    var principal = SoukCommonV1.Principal()
    principal.kind = kind
    principal.id = kind == .admin ? "" : id
    let prefix = "souk_\(MarketRole(kind)?.rawValue ?? "unknown")_test"
    context.attachments[CallerAttachment.self] = Caller(principal: principal, apiKeyPrefix: prefix)
    return context
  }

  /// A valid request for the partner: `lines` as (product, quantity).
  static func placeRequest(
    key: String,
    reference: String,
    lines: [(String, Int64)]
  ) -> SoukOrdersV1.PlaceOrderRequest {
    var request = SoukOrdersV1.PlaceOrderRequest()
    request.idempotencyKey = key
    request.partnerOrderReference = reference
    var customer = SoukOrdersV1.Customer()
    customer.name = "  Fatima Zahra  "
    var phone = SoukCommonV1.PhoneNumber()
    phone.e164 = "0612345678"
    customer.phone = phone
    var address = SoukCommonV1.PostalAddress()
    address.line1 = "12 rue Allal Ben Abdellah"
    address.city = "Fès"
    customer.deliveryAddress = address
    request.customer = customer
    request.paymentMethod = .cashOnDelivery
    request.lines = lines.map { product, quantity in
      var line = SoukOrdersV1.PlaceOrderLine()
      line.productId = product
      line.quantity = quantity
      return line
    }
    return request
  }

  /// Places `request` as the partner.
  func place(_ request: SoukOrdersV1.PlaceOrderRequest, as partner: String = Self.partnerID) async throws
    -> SoukOrdersV1.Order
  {
    try await self.handler.placeOrder(
      request: request,
      context: self.context(SoukOrdersV1.OrderService.Method.PlaceOrder.self, .partner, partner)
    )
  }

  /// The current stock of `productID`.
  func stock(_ productID: String) async throws -> Int64 {
    try await self.store.product(id: productID)?.stock ?? -1
  }

  /// The fulfilment of `cooperative` in `order`.
  static func fulfilment(of cooperative: String, in order: SoukOrdersV1.Order) -> String {
    order.fulfilments.first { $0.cooperativeId == cooperative }?.id ?? ""
  }
}
