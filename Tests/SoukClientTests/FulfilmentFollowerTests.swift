import SoukAPI
import SoukAPIServices
import SoukClient
import SoukServerTestSupport
import SoukTestSupport
import Testing

/// The fulfilment follower: a cooperative sees the orders placed for its products, live.
@Suite("Fulfilment follower")
struct FulfilmentFollowerTests {
  @Test func cooperativeSeesANewOrderAfterCatchingUp() async throws {
    let market = try await TestMarket.start(prefix: "souk-client-market")
    let (_, cooperativeKey) = try await market.makeCooperative()
    let (_, partnerKey) = try await market.makePartner()
    let coop = try market.client(key: cooperativeKey.secret)
    let product = try await market.makeProduct(by: cooperativeKey, sku: "MIEL-1", stock: 5)
    let shop = try market.client(key: partnerKey.secret)

    let log = FulfilmentLog()
    let orderID: String = try await withTimeout(.seconds(30), "the new order's event") {
      try await withThrowingTaskGroup(of: String?.self) { group in
        group.addTask {
          for try await event in coop.fulfilmentEvents(after: 0) {
            log.record(event)
            if event.kind == .created, let order = event.order { return order.id }
          }
          return nil
        }
        try await log.waitUntilCaughtUp()
        let placed = try await shop.orders.placeOrder(
          TestMarket.orderRequest(reference: "CMD-1", productID: product.id))
        let seen = try await group.next() ?? nil
        group.cancelAll()
        #expect(seen == placed.id)
        return placed.id
      }
    }
    let sequences = log.all.filter { $0.kind != .caughtUp }.map(\.sequence)
    #expect(sequences.count == 1, "\(sequences) for \(orderID)")

    for client in [coop, shop] { client.close() }
    await market.stop()
  }
}
