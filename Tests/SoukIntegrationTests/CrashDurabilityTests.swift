import Foundation
import SoukAPI
import SoukAPIServices
import SoukRPC
import SoukServerTestSupport
import SoukTestSupport
import Testing

/// The promise behind "acknowledged": an order the server answered survives `kill -9` of the server.
@Suite("Durability across a crash")
struct CrashDurabilityTests {
  /// An order the server answered, with the quantity it reserved.
  struct Acknowledged: Sendable {
    let id: String
    let quantity: Int64
  }

  @Test("every acknowledged order survives SIGKILL in the middle of a burst, and no stock is lost or made up")
  func ordersSurviveSigkill() async throws {
    let data = try TemporaryDirectory.make(prefix: "souk-crash")
    let first = try await ServerProcess.start(dataDirectory: data)
    let adminSecret = try #require(first.adminKey)
    let ca = data + "/tls/ca.pem"
    let initialStock: Int64 = 100_000

    let setup = try TestMarket.client(port: first.port, caPath: ca)
    let market = MarketClients(rpc: setup, admin: Key(secret: adminSecret))
    let (_, cooperative) = try await market.makeCooperative()
    let (_, partner) = try await market.makePartner()
    let product = try await market.makeProduct(by: cooperative, sku: "HUILE-1L", stock: initialStock)

    // Six writers place orders back to back over three connections until the server dies under them.
    let acknowledged = Locked<[Acknowledged]>([])
    let connections = try (0..<3).map { _ in try TestMarket.client(port: first.port, caPath: ca) }
    let writers = Task {
      await withTaskGroup(of: Void.self) { group in
        for writer in 0..<6 {
          let orders = SoukOrdersV1.OrderService.Client(wrapping: connections[writer % 3])
          group.addTask {
            for index in 0..<10_000 {
              let quantity = Int64(index % 3 + 1)
              let request = TestMarket.orderRequest(
                key: "w\(writer)-\(index)", reference: "W\(writer)-\(index)", productID: product.id,
                quantity: quantity)
              guard let order = try? await orders.placeOrder(request, metadata: partner.metadata) else { return }
              acknowledged.withLock { $0.append(Acknowledged(id: order.id, quantity: quantity)) }
            }
          }
        }
      }
    }
    // Kill once a good number of orders were acknowledged, while the writers keep going.
    try await withTimeout(.seconds(120), "60 acknowledged orders") {
      while acknowledged.value.count < 60 { try await Task.sleep(for: .milliseconds(10)) }
    }
    try await first.stop(with: SIGKILL)
    await writers.value
    for connection in connections { connection.close() }
    setup.close()

    let second = try await ServerProcess.start(dataDirectory: data)
    #expect(second.adminKey == nil, "the admin key is shown only at the first start")
    let rpc = try TestMarket.client(port: second.port, caPath: ca)
    defer { rpc.close() }
    let orders = SoukOrdersV1.OrderService.Client(wrapping: rpc)
    let acknowledgedOrders = acknowledged.value
    for (id, quantity) in acknowledgedOrders.map({ ($0.id, $0.quantity) }) {
      var get = SoukOrdersV1.GetOrderRequest()
      get.lookup = .orderId(id)
      let order = try await orders.getOrder(get, metadata: partner.metadata)
      #expect(order.lines.first?.quantity == quantity)
    }
    // Every order that committed (acknowledged or not) holds a reservation; together with the stock left they
    // account for every unit.
    var reserved: Int64 = 0
    var count = 0
    var list = SoukOrdersV1.ListOrdersRequest()
    list.page = .init()
    list.page?.pageSize = 500
    while true {
      let page = try await orders.listOrders(list, metadata: partner.metadata)
      count += page.orders.count
      reserved += page.orders.flatMap(\.lines).reduce(0) { $0 + $1.quantity }
      if page.nextPageToken.isEmpty { break }
      list.page?.pageToken = page.nextPageToken
    }
    var get = SoukCatalogV1.GetProductRequest()
    get.lookup = .productId(product.id)
    let stock = try await SoukCatalogV1.CatalogService.Client(wrapping: rpc).getProduct(get, metadata: partner.metadata)
      .stock
    #expect(count >= acknowledgedOrders.count)
    #expect(stock + reserved == initialStock)
    #expect(try await second.stop(with: SIGTERM) == 0, "a graceful stop exits with status 0")
  }
}
