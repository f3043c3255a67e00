import SoukAPI
import SoukAPIServices
import SoukClient
import SoukServerTestSupport
import SoukTestSupport
import Testing

/// A partner's order survives a connection cut after the server committed it: the client retries with the same
/// idempotency key and gets the same order, and the server holds exactly one.
@Suite("Retried orders are never duplicated")
struct RetriedOrderTests {
  @Test func orderRetriedAfterTheConnectionDroppedIsPlacedOnce() async throws {
    let market = try await TestMarket.start(prefix: "souk-client-market")
    let proxy = try await CuttingProxy.start(targetPort: market.port)
    let admin = try market.client(key: market.admin.secret)
    let (cooperative, cooperativeKey) = try await market.makeCooperative()
    let (partner, partnerKey) = try await market.makePartner()
    let coop = try market.client(key: cooperativeKey.secret)
    let product = try await market.makeProduct(by: cooperativeKey, sku: "MIEL-1", stock: 10)
    let shop = try market.client(key: partnerKey.secret, port: proxy.port)

    // Connect first, so that the cut hits the order's answer and not the TLS handshake.
    _ = try await shop.catalog.listProducts(SoukCatalogV1.ListProductsRequest())
    proxy.cutNextResponse()
    let order = try await withTimeout(.seconds(30)) {
      try await shop.orders.placeOrder(TestMarket.orderRequest(reference: "CMD-1", productID: product.id, quantity: 3))
    }

    #expect(proxy.cuts == 1)
    var listing = SoukOrdersV1.ListOrdersRequest()
    listing.partnerId = partner.id
    let orders = try await admin.orders.listOrders(listing).orders
    #expect(orders.map(\.id) == [order.id])
    var lookup = SoukCatalogV1.GetProductRequest()
    lookup.lookup = .productId(product.id)
    #expect(try await coop.catalog.getProduct(lookup).stock == 7)
    #expect(order.fulfilments.map(\.cooperativeId) == [cooperative.id])

    for client in [admin, coop, shop] { client.close() }
    await proxy.close()
    await market.stop()
  }
}
