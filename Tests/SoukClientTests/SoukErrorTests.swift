import SoukAPI
import SoukAPIServices
import SoukClient
import SoukMarket
import SoukRPC
import SoukServerTestSupport
import SoukWire
import Testing

/// `SoukError` from what a real server answers, and from statuses built here for the reasons it documents.
@Suite("SoukError")
struct SoukErrorTests {
  static func status(
    _ code: RPCError.Code,
    _ reason: SoukCommonV1.ErrorReason,
    metadata: [String: String] = [:],
    violations: [SoukCommonV1.FieldViolation] = []
  ) -> RPCError {
    var detail = SoukCommonV1.ErrorDetail()
    detail.reason = reason
    detail.message = "explained"
    detail.metadata = metadata
    detail.fieldViolations = violations
    return RPCError(code: code, message: "explained", details: detail.encodedBytes())
  }

  @Test func reasonsWithFactsBecomeKindsWithThoseFacts() {
    #expect(
      SoukError(Self.status(.aborted, .versionMismatch, metadata: ["current_version": "7"])).kind
        == .versionConflict(currentVersion: 7))
    #expect(
      SoukError(Self.status(.failedPrecondition, .outOfStock, metadata: ["product_id": "p_1", "available": "2"]))
        .kind == .outOfStock(productID: "p_1", available: 2))
    let price = SoukCommonV1.Money.mad(5_000)
    #expect(
      SoukError(
        Self.status(
          .failedPrecondition, .priceChanged,
          metadata: ["product_id": "p_1", "current_price_minor": "5000", "currency_code": "MAD"])
      ).kind == .priceChanged(productID: "p_1", currentPrice: price))
    #expect(
      SoukError(Self.status(.failedPrecondition, .invalidTransition)).kind
        == .failedPrecondition(reason: .invalidTransition))
  }

  @Test func codesWithoutDetailsBecomeTheirKinds() {
    let table: [(RPCError.Code, SoukError.Kind)] = [
      (.notFound, .notFound), (.permissionDenied, .permissionDenied), (.unauthenticated, .unauthenticated),
      (.alreadyExists, .alreadyExists), (.unavailable, .unavailable), (.internalError, .other),
      (.invalidArgument, .invalidArgument(violations: [])),
    ]
    for (code, kind) in table {
      #expect(SoukError(RPCError(code: code, message: "m")).kind == kind)
    }
    #expect(SoukError(CancellationError() as any Error) == nil)
  }

  @Test func aRealServersRefusalsAreActionable() async throws {
    let market = try await TestMarket.start(prefix: "souk-client-market")
    let (_, cooperativeKey) = try await market.makeCooperative()
    let (_, partnerKey) = try await market.makePartner()
    let product = try await market.makeProduct(by: cooperativeKey, sku: "MIEL-1", stock: 2)
    let shop = try market.client(key: partnerKey.secret)
    let stranger = try market.client(key: "souk_partner_0000000000000000000000")

    let outOfStock = await #expect(throws: SoukError.self) {
      try await SoukError.catching {
        try await shop.orders.placeOrder(
          TestMarket.orderRequest(reference: "CMD-1", productID: product.id, quantity: 5))
      }
    }
    #expect(outOfStock?.kind == .outOfStock(productID: product.id, available: 2))

    var missing = SoukCatalogV1.GetProductRequest()
    missing.lookup = .productId("prd_missing")
    let notFound = await #expect(throws: SoukError.self) {
      try await SoukError.catching { try await shop.catalog.getProduct(missing) }
    }
    #expect(notFound?.kind == .notFound)

    let denied = await #expect(throws: SoukError.self) {
      try await SoukError.catching { try await shop.admin.listPartners(SoukAdminV1.ListPartnersRequest()) }
    }
    #expect(denied?.kind == .permissionDenied)

    let unknownKey = await #expect(throws: SoukError.self) {
      try await SoukError.catching { try await stranger.catalog.getProduct(missing) }
    }
    #expect(unknownKey?.kind == .unauthenticated)

    let invalid = await #expect(throws: SoukError.self) {
      try await SoukError.catching {
        try await shop.orders.placeOrder(TestMarket.orderRequest(reference: "", productID: product.id))
      }
    }
    guard case .invalidArgument(let violations)? = invalid?.kind else {
      Issue.record("expected invalidArgument, got \(String(describing: invalid))")
      return
    }
    #expect(violations.contains { $0.field == "partner_order_reference" })

    for client in [shop, stranger] { client.close() }
    await market.stop()
  }
}
