import SoukAPI
import SoukAPIServices
import SoukRPC
import SoukServerTestSupport
import SoukTestSupport
import Testing

/// Many partners' orders racing for the same jars over several TLS connections: the store never sells a unit
/// twice and never leaves an order half-reserved.
@Suite("Concurrent orders")
struct ConcurrentOrderTests {
  @Test("200 concurrent orders over 4 connections for a product with stock 50 sell exactly 50 units")
  func twoHundredOrdersForFiftyUnits() async throws {
    try await TestMarket.with { market in
      let (_, cooperative) = try await market.makeCooperative()
      let (_, partner) = try await market.makePartner()
      let product = try await market.makeProduct(by: cooperative, sku: "MIEL-50", stock: 50)
      let connections = try (0..<4).map { _ in try market.newConnection() }
      defer { for connection in connections { connection.close() } }

      let requests = (0..<200).map {
        TestMarket.orderRequest(key: "k-\($0)", reference: "R-\($0)", productID: product.id)
      }
      let race = try await OrderRace.place(requests, over: connections, key: partner)
      let (placed, refusals) = (race.placed, race.refusals)
      #expect(placed.count == 50)
      #expect(refusals.count == 150)
      #expect(refusals.allSatisfy { $0.code == .failedPrecondition }, "every refusal is out of stock")
      #expect(Set(placed.map(\.id)).count == 50)
      #expect(placed.allSatisfy { $0.lines.count == 1 && $0.lines[0].quantity == 1 && $0.status == .placed })

      var get = SoukCatalogV1.GetProductRequest()
      get.lookup = .productId(product.id)
      let after = try await market.catalog.getProduct(get, metadata: partner.metadata)
      #expect(after.stock == 0)

      var list = SoukOrdersV1.ListOrdersRequest()
      list.page = .init()
      list.page?.pageSize = 500
      let listed = try await market.orders.listOrders(list, metadata: partner.metadata)
      #expect(listed.orders.count == 50)
      #expect(listed.orders.reduce(0) { $0 + $1.lines.reduce(0) { $0 + $1.quantity } } == 50)
    }
  }
}
