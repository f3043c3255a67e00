import Foundation
import SoukAPI
import SoukAPIServices
import SoukRPC
import SoukServerTestSupport
import SoukStorePostgres
import SoukStorePostgresTestSupport
import SoukTestSupport
import Testing

/// Two `souk serve` processes over one PostgreSQL database, as operators run them behind a load balancer: they
/// start together without making things twice, never sell a unit twice between them, and a feed followed on one
/// sees what the other commits.
///
/// They need the test server of `SOUK_TEST_POSTGRES_URL` (`.ci/postgres start`); without it they are skipped,
/// except on CI, where its absence fails.
@Suite("Two instances over PostgreSQL")
struct SharedPostgresTests {
  @Test(
    "`souk serve` with a wrong database password exits at once with PostgreSQL's reason, never the password",
    .enabled(if: TestPostgres.isConfigured)
  )
  func wrongPassword() async throws {
    var url = try await TestPostgres.makeDatabase(label: "password")
    url.password = "not-the-password"
    let data = try TemporaryDirectory.make(prefix: "souk-wrong-password")
    let run = try await ToolProcess.run(
      "souk",
      ["serve", "--address", "127.0.0.1:0", "--data", data, "--log-level", "error"],
      environment: ToolProcess.inheritedEnvironment(
        without: "SOUK_", adding: ["SOUK_DATABASE": SharedStoreServers.urlText(url)]),
      within: .seconds(30))
    #expect(run.status != 0, "\(run)")
    #expect(run.standardError.contains("cannot open the PostgreSQL store at \(url)"), "\(run)")
    #expect(run.standardError.contains("password authentication failed"), "\(run)")
    #expect(!run.standardError.contains("not-the-password"), "\(run)")
    #expect(!run.standardOutput.contains("Souk is listening"), "\(run)")
  }

  @Test(
    "started together with --demo, two instances print one admin key and seed the demo once between them",
    .enabled(if: TestPostgres.isConfigured)
  )
  func startTogether() async throws {
    try await SharedStoreServers.with(label: "start", arguments: ["--demo"]) { servers in
      let banners = servers.instances.map(\.banner)
      #expect(servers.adminKeys.count == 1, "admin keys printed: \(banners)")
      let demoKeyCounts = banners.map { $0.filter { $0.hasPrefix("Demo key for ") }.count }
      #expect(demoKeyCounts.sorted() == [0, 6], "one instance seeds the demo (5 cooperatives, 1 partner)")
      for banner in banners {
        #expect(banner.contains("Store: PostgreSQL \(servers.database) (shared with every instance serving it)"))
        if let password = servers.database.password {
          #expect(!banner.joined(separator: "\n").contains(":\(password)@"), "the banner hides the password")
        }
      }
      let adminSecret = try #require(servers.adminKeys.first)
      let partnerSecret = try #require(
        servers.instances.compactMap { $0.demoKey(for: "partner") }.first)

      // Each instance serves the one store: the key one printed works on both, and both see one demo.
      for index in 0..<2 {
        let rpc = try servers.connect(to: index)
        defer { rpc.close() }
        let market = MarketClients(rpc: rpc, admin: Key(secret: adminSecret))
        let partner = Key(secret: partnerSecret)
        let cooperatives = try await market.catalog.listCooperatives(.init(), metadata: partner.metadata)
          .cooperatives
        #expect(cooperatives.count == 5, "instance \(index)")
        #expect(Set(cooperatives.map(\.city)) == ["Taza", "Fès", "Meknès", "Ifrane", "Sefrou"])
        let products = try await market.catalog.listProducts(.init(), metadata: partner.metadata).products
        #expect(products.count == 8, "instance \(index)")
        let partners = try await market.adminService.listPartners(.init(), metadata: market.admin.metadata)
        #expect(partners.partners.count == 1, "instance \(index)")
      }
    }
  }

  @Test(
    "200 concurrent orders over both instances for a product with stock 50 sell exactly 50 units",
    .enabled(if: TestPostgres.isConfigured)
  )
  func twoHundredOrdersOverTwoInstances() async throws {
    try await SharedStoreServers.with(label: "orders") { servers in
      let adminSecret = try #require(servers.adminKeys.first)
      let setup = try servers.connect(to: 0)
      defer { setup.close() }
      let market = MarketClients(rpc: setup, admin: Key(secret: adminSecret))
      let (_, cooperative) = try await market.makeCooperative()
      let (_, partner) = try await market.makePartner()
      let product = try await market.makeProduct(by: cooperative, sku: "MIEL-50", stock: 50)
      // Three connections to each instance; order i goes to connection i % 6, so to both instances in turn. Each
      // connection is up (TLS done) before the race, so that neither instance gets a head start.
      let connections = try (0..<6).map { try servers.connect(to: $0 % 2) }
      defer { for connection in connections { connection.close() } }
      try await Self.warmUp(connections, productID: product.id, key: partner)

      let requests = (0..<200).map {
        TestMarket.orderRequest(key: "k-\($0)", reference: "R-\($0)", productID: product.id)
      }
      let race = try await OrderRace.place(requests, over: connections, key: partner)
      let (placed, refusals) = (race.placed, race.refusals)
      #expect(placed.count == 50)
      #expect(refusals.count == 150)
      let unexpected = refusals.filter { $0.code != .failedPrecondition }
      #expect(unexpected.isEmpty, "every refusal is out of stock, none a deadlock or a lost connection: \(unexpected)")
      #expect(Set(placed.map(\.id)).count == 50)
      #expect(placed.allSatisfy { $0.lines.count == 1 && $0.lines[0].quantity == 1 && $0.status == .placed })

      // Both instances read the same end state: no stock left, 50 orders of one unit, nothing half-reserved.
      for index in 0..<2 {
        let rpc = try servers.connect(to: index)
        defer { rpc.close() }
        let catalog = SoukCatalogV1.CatalogService.Client(wrapping: rpc)
        var get = SoukCatalogV1.GetProductRequest()
        get.lookup = .productId(product.id)
        let after = try await catalog.getProduct(get, metadata: partner.metadata)
        #expect(after.stock == 0, "instance \(index)")

        var list = SoukOrdersV1.ListOrdersRequest()
        list.page = .init()
        list.page?.pageSize = 500
        let listed = try await SoukOrdersV1.OrderService.Client(wrapping: rpc)
          .listOrders(list, metadata: partner.metadata)
        #expect(Set(listed.orders.map(\.id)) == Set(placed.map(\.id)), "instance \(index)")
        #expect(listed.orders.reduce(0) { $0 + $1.lines.reduce(0) { $0 + $1.quantity } } == 50)
      }
    }
  }

  @Test(
    "orders for two products, lines in either order, raced over both instances neither deadlock nor oversell",
    .enabled(if: TestPostgres.isConfigured)
  )
  func crossedOrdersOverTwoInstances() async throws {
    try await SharedStoreServers.with(label: "crossed") { servers in
      let adminSecret = try #require(servers.adminKeys.first)
      let setup = try servers.connect(to: 1)
      defer { setup.close() }
      let market = MarketClients(rpc: setup, admin: Key(secret: adminSecret))
      let (_, cooperative) = try await market.makeCooperative()
      let (_, partner) = try await market.makePartner()
      let honey = try await market.makeProduct(by: cooperative, sku: "MIEL-X", stock: 30)
      let oil = try await market.makeProduct(by: cooperative, sku: "HUILE-X", stock: 30)
      let connections = try (0..<6).map { try servers.connect(to: $0 % 2) }
      defer { for connection in connections { connection.close() } }
      try await Self.warmUp(connections, productID: honey.id, key: partner)

      // Every order takes one honey and one oil; half list the honey first, half the oil: a store that locked
      // rows in line order would deadlock two such orders against each other.
      let requests = (0..<100).map { index in
        var request = TestMarket.orderRequest(key: "x-\(index)", reference: "X-\(index)", productID: honey.id)
        var second = SoukOrdersV1.PlaceOrderLine()
        second.productId = oil.id
        second.quantity = 1
        request.lines.append(second)
        if index % 4 >= 2 { request.lines.reverse() }
        return request
      }
      let race = try await OrderRace.place(requests, over: connections, key: partner)
      let (placed, refusals) = (race.placed, race.refusals)
      #expect(placed.count == 30)
      let unexpected = refusals.filter { $0.code != .failedPrecondition }
      #expect(unexpected.isEmpty, "every refusal is out of stock, none a deadlock: \(unexpected)")
      let catalog = SoukCatalogV1.CatalogService.Client(wrapping: connections[0])
      for product in [honey, oil] {
        var get = SoukCatalogV1.GetProductRequest()
        get.lookup = .productId(product.id)
        #expect(try await catalog.getProduct(get, metadata: partner.metadata).stock == 0, "\(product.sku)")
      }
    }
  }

  /// Changes the stock of `productIDs` in turn by +1, `times` times at once, spread over `connections`, and returns
  /// the products as each change left them.
  private static func adjustConcurrently(
    _ productIDs: [String],
    times: Int,
    over connections: [RPCClient],
    key: Key
  ) async throws -> [SoukCatalogV1.Product] {
    try await withTimeout(.seconds(60), "\(times) concurrent stock changes") {
      try await withThrowingTaskGroup(of: SoukCatalogV1.Product.self) { group in
        for index in 0..<times {
          let catalog = SoukCatalogV1.CatalogService.Client(wrapping: connections[index % connections.count])
          var adjust = SoukCatalogV1.AdjustStockRequest()
          adjust.idempotencyKey = "burst-\(index)"
          adjust.productId = productIDs[index % productIDs.count]
          adjust.delta = 1
          let request = adjust
          group.addTask { try await catalog.adjustStock(request, metadata: key.metadata) }
        }
        var products: [SoukCatalogV1.Product] = []
        for try await product in group { products.append(product) }
        return products
      }
    }
  }

  /// The changes of a feed resumed after `revision`, up to and including its CAUGHT_UP.
  private static func replay(
    _ catalog: SoukCatalogV1.CatalogService.Client,
    after revision: UInt64,
    key: Key
  ) async throws -> [SoukCatalogV1.CatalogChange] {
    var request = SoukCatalogV1.WatchCatalogRequest()
    request.afterRevision = revision
    let watch = request
    return try await withTimeout(.seconds(30), "the resumed replay") {
      try await catalog.watchCatalog(watch, metadata: key.metadata) { stream in
        var changes: [SoukCatalogV1.CatalogChange] = []
        for try await change in stream {
          changes.append(change)
          if change.kind == .caughtUp { break }
        }
        return changes
      }
    }
  }

  /// Reads the product once over each connection, so that every connection is established.
  private static func warmUp(_ connections: [RPCClient], productID: String, key: Key) async throws {
    for connection in connections {
      var get = SoukCatalogV1.GetProductRequest()
      get.lookup = .productId(productID)
      _ = try await SoukCatalogV1.CatalogService.Client(wrapping: connection).getProduct(get, metadata: key.metadata)
    }
  }

  @Test(
    "a catalog feed followed on one instance sees every change made through the other, in order, once, promptly",
    .enabled(if: TestPostgres.isConfigured)
  )
  func feedAcrossInstances() async throws {
    try await SharedStoreServers.with(label: "feed") { servers in
      let adminSecret = try #require(servers.adminKeys.first)
      let writerA = try servers.connect(to: 0)
      let readerB = try servers.connect(to: 1)
      let burstConnections = try (0..<3).map { _ in try servers.connect(to: 0) }
      defer {
        for connection in [writerA, readerB] + burstConnections { connection.close() }
      }
      let market = MarketClients(rpc: writerA, admin: Key(secret: adminSecret))
      let (_, cooperative) = try await market.makeCooperative()
      let (_, partner) = try await market.makePartner()
      let first = try await market.makeProduct(by: cooperative, sku: "FEED-1", stock: 1_000)

      // The partner follows the feed on B from the start, collecting what arrives.
      let received = FeedCollector()
      let catalogB = SoukCatalogV1.CatalogService.Client(wrapping: readerB)
      let watcher = Task {
        try await catalogB.watchCatalog(SoukCatalogV1.WatchCatalogRequest(), metadata: partner.metadata) { stream in
          for try await change in stream { received.append(change) }
        }
      }
      defer { watcher.cancel() }
      let caughtUp = try await received.waitFor("CAUGHT_UP", within: .seconds(30)) { changes in
        changes.first { $0.kind == .caughtUp }
      }
      #expect(caughtUp.revision >= first.revision, "the replay covers the product made before the watch")

      // One change at a time through A: each reaches B's feed within a few seconds (NOTIFY takes milliseconds;
      // an instance that saw only its own commits would never deliver it).
      var written: [SoukCatalogV1.Product] = []
      let catalogA = SoukCatalogV1.CatalogService.Client(wrapping: writerA)
      for step in 0..<10 {
        var adjust = SoukCatalogV1.AdjustStockRequest()
        adjust.idempotencyKey = "step-\(step)"
        adjust.productId = first.id
        adjust.delta = -1
        let product = try await catalogA.adjustStock(adjust, metadata: cooperative.metadata)
        written.append(product)
        _ = try await received.waitFor("revision \(product.revision) (step \(step))", within: .seconds(5)) {
          changes in changes.first { $0.revision == product.revision }
        }
      }
      written.append(try await market.makeProduct(by: cooperative, sku: "FEED-2", stock: 7))

      // Then a burst through A over three connections at once: 30 stock changes on two products.
      let second = try #require(written.last)
      let burst = try await Self.adjustConcurrently(
        [first.id, second.id], times: 30, over: burstConnections, key: cooperative)
      written += burst
      let newest = try #require(written.map(\.revision).max())
      _ = try await received.waitFor("revision \(newest), the burst's newest", within: .seconds(15)) { changes in
        changes.first { $0.revision == newest }
      }

      // Exactly the revisions written, in increasing order, each once, each with the product as of its revision.
      let live = received.changes.drop(while: { $0.kind != .caughtUp }).dropFirst()
      #expect(live.map(\.revision) == written.map(\.revision).sorted())
      #expect(Set(written.map(\.revision)).count == written.count, "every write has a revision of its own")
      let writtenByRevision = Dictionary(written.map { ($0.revision, $0) }, uniquingKeysWith: { first, _ in first })
      for change in live {
        guard case .product(let product)? = change.subject, let expected = writtenByRevision[change.revision] else {
          Issue.record("revision \(change.revision) is no product change written through A: \(change)")
          continue
        }
        #expect(product.id == expected.id && product.stock == expected.stock, "revision \(change.revision)")
      }

      // A feed resumed on B from the CAUGHT_UP revision replays the latest state of both products, then catches up
      // at the newest revision.
      let replay = try await Self.replay(catalogB, after: caughtUp.revision, key: partner)
      #expect(replay.last?.kind == .caughtUp && replay.last?.revision == newest)
      let latestByProduct = Dictionary(grouping: written, by: \.id).compactMapValues {
        $0.max { $0.revision < $1.revision }
      }
      let replayedProducts = replay.compactMap { change -> SoukCatalogV1.Product? in
        if case .product(let product)? = change.subject { return product }
        return nil
      }
      #expect(replayedProducts.count == 2)
      for product in replayedProducts {
        #expect(product.revision == latestByProduct[product.id]?.revision)
        #expect(product.stock == latestByProduct[product.id]?.stock)
      }
    }
  }
}
