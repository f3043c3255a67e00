import SoukAPI
import SoukAPIServices
import SoukMarket
import SoukRPC
import SoukServerTestSupport
import SoukTestSupport
import SoukWire
import Testing

/// The promises partners and cooperatives build on, over real TLS: retries never duplicate an order, a stale
/// update never overwrites, and the order state machine refuses what it does not allow.
@Suite("Marketplace flows")
struct MarketplaceFlowTests {
  @Test("a retried placeOrder returns the same order; the same key with another request is refused")
  func retriedOrderIsNotDuplicated() async throws {
    try await TestMarket.with { market in
      let (_, cooperative) = try await market.makeCooperative()
      let (_, partner) = try await market.makePartner()
      let product = try await market.makeProduct(by: cooperative, sku: "SAFRAN-1G", stock: 10)
      let request = TestMarket.orderRequest(key: "retry-1", reference: "CMD-1", productID: product.id, quantity: 2)
      let first = try await market.orders.placeOrder(request, metadata: partner.metadata)
      let retry = try await market.orders.placeOrder(request, metadata: partner.metadata)
      #expect(retry.id == first.id)

      var other = request
      other.lines[0].quantity = 3
      let error = await #expect(throws: RPCError.self) {
        try await market.orders.placeOrder(other, metadata: partner.metadata)
      }
      #expect(error?.code == .invalidArgument)
      let detail = try SoukCommonV1.ErrorDetail(decoding: error?.details ?? [])
      #expect(detail.reason == .idempotencyKeyReused)

      var get = SoukCatalogV1.GetProductRequest()
      get.lookup = .productId(product.id)
      #expect(try await market.catalog.getProduct(get, metadata: partner.metadata).stock == 8, "reserved once")
    }
  }

  @Test("an update with a stale expected version is refused and changes nothing")
  func staleUpdateIsRefused() async throws {
    try await TestMarket.with { market in
      let (_, cooperative) = try await market.makeCooperative()
      let product = try await market.makeProduct(by: cooperative, sku: "AMLOU-250", stock: 5)
      var update = SoukCatalogV1.UpdateProductRequest()
      update.idempotencyKey = "u1"
      update.productId = product.id
      update.expectedVersion = product.version
      update.price = .mad(5_000)
      let updated = try await market.catalog.updateProduct(update, metadata: cooperative.metadata)
      #expect(updated.version == product.version + 1)

      var stale = update
      stale.idempotencyKey = "u2"
      stale.price = .mad(6_000)
      let error = await #expect(throws: RPCError.self) {
        try await market.catalog.updateProduct(stale, metadata: cooperative.metadata)
      }
      #expect(error?.code == .aborted)
      let detail = try SoukCommonV1.ErrorDetail(decoding: error?.details ?? [])
      #expect(detail.reason == .versionMismatch)
      #expect(detail.metadata["current_version"] == String(updated.version))

      var get = SoukCatalogV1.GetProductRequest()
      get.lookup = .productId(product.id)
      let current = try await market.catalog.getProduct(get, metadata: cooperative.metadata)
      #expect(current.price?.amountMinor == 5_000)
    }
  }

  @Test("the order state machine refuses illegal steps over the wire and keeps every legal one in history")
  func orderStateMachineOverTheWire() async throws {
    try await TestMarket.with { market in
      let (_, cooperative) = try await market.makeCooperative()
      let (_, partner) = try await market.makePartner()
      let product = try await market.makeProduct(by: cooperative, sku: "TAJINE-30", stock: 3)
      let order = try await market.orders.placeOrder(
        TestMarket.orderRequest(key: "sm", reference: "SM-1", productID: product.id), metadata: partner.metadata)
      let fulfilment = try #require(order.fulfilments.first)

      var ship = SoukOrdersV1.ShipFulfilmentRequest()
      ship.idempotencyKey = "ship-early"
      ship.fulfilmentId = fulfilment.id
      ship.carrier = "Amana"
      let early = await #expect(throws: RPCError.self) {
        try await market.orders.shipFulfilment(ship, metadata: cooperative.metadata)
      }
      #expect(early?.code == .failedPrecondition, "a PENDING fulfilment cannot ship")

      var accept = SoukOrdersV1.AcceptFulfilmentRequest()
      accept.idempotencyKey = "accept"
      accept.fulfilmentId = fulfilment.id
      #expect(try await market.orders.acceptFulfilment(accept, metadata: cooperative.metadata).status == .accepted)
      ship.idempotencyKey = "ship"
      #expect(try await market.orders.shipFulfilment(ship, metadata: cooperative.metadata).status == .shipped)

      var cancel = SoukOrdersV1.CancelOrderRequest()
      cancel.idempotencyKey = "cancel"
      cancel.orderId = order.id
      cancel.reason = "changed my mind"
      let late = await #expect(throws: RPCError.self) {
        try await market.orders.cancelOrder(cancel, metadata: partner.metadata)
      }
      // SHIPPED -> CANCELLED is an admin's step only (the schema's transition table): the role may not make it.
      #expect(late?.code == .permissionDenied, "a partner cannot cancel after shipping")

      var deliver = SoukOrdersV1.MarkDeliveredRequest()
      deliver.idempotencyKey = "deliver"
      deliver.fulfilmentId = fulfilment.id
      #expect(try await market.orders.markDelivered(deliver, metadata: partner.metadata).status == .completed)

      var history = SoukOrdersV1.GetOrderHistoryRequest()
      history.orderId = order.id
      let events = try await market.orders.getOrderHistory(history, metadata: partner.metadata).events
      #expect(events.map(\.eventNumber) == Array(1...UInt32(events.count)))
      let fulfilmentSteps = events.compactMap { event -> SoukOrdersV1.FulfilmentStatus? in
        if case .fulfilmentStatusChanged(let change) = event.change { return change.toStatus }
        return nil
      }
      #expect(fulfilmentSteps == [.pending, .accepted, .shipped, .delivered])

      var get = SoukCatalogV1.GetProductRequest()
      get.lookup = .productId(product.id)
      #expect(try await market.catalog.getProduct(get, metadata: partner.metadata).stock == 2, "sold, not released")
    }
  }

  @Test("a catalog feed resumed from a revision misses nothing and repeats nothing while updates keep coming")
  func resumedFeedIsExact() async throws {
    try await TestMarket.with { market in
      let (_, cooperative) = try await market.makeCooperative()
      let (_, partner) = try await market.makePartner()
      let product = try await market.makeProduct(by: cooperative, sku: "MIEL-FEED", stock: 1_000_000)
      let catalog = market.catalog

      // A writer keeps adjusting the stock while the partner watches, disconnects, and resumes.
      let stop = Locked(false)
      let writer = Task {
        var revisions: [UInt64] = []
        var index = 0
        while !stop.value {
          index += 1
          var adjust = SoukCatalogV1.AdjustStockRequest()
          adjust.idempotencyKey = "adj-\(index)"
          adjust.productId = product.id
          adjust.delta = -1
          revisions.append(try await catalog.adjustStock(adjust, metadata: cooperative.metadata).revision)
        }
        return revisions
      }

      var seen: [UInt64] = []
      var resumeFrom: UInt64 = 0
      var lastStock: Int64 = -1
      // Three sessions: each reads some live changes, then the partner drops the stream and resumes.
      for session in 0..<3 {
        let changes = try await withTimeout(.seconds(60), "feed session \(session)") {
          [resumeFrom, partnerMetadata = partner.metadata] in
          var request = SoukCatalogV1.WatchCatalogRequest()
          request.afterRevision = resumeFrom
          return try await market.rpc.serverStreaming(
            SoukCatalogV1.CatalogService.Method.WatchCatalog.self, request: request, metadata: partnerMetadata
          ) { stream in
            var received: [SoukCatalogV1.CatalogChange] = []
            var caughtUp = false
            for try await change in stream {
              received.append(change)
              if change.kind == .caughtUp { caughtUp = true }
              if caughtUp && received.count >= 10 { break }
            }
            return received
          }
        }
        for change in changes where change.kind != .caughtUp {
          seen.append(change.revision)
          if case .product(let state) = change.subject, state.id == product.id { lastStock = state.stock }
        }
        #expect(changes.filter { $0.kind == .caughtUp }.count == 1, "exactly one CAUGHT_UP per stream")
        resumeFrom = seen.last ?? resumeFrom
      }
      stop.withLock { $0 = true }
      let written = try await writer.value
      // Drain whatever the writer did after the last session.
      let tail = try await withTimeout(.seconds(60), "the feed's tail") {
        [resumeFrom, partnerMetadata = partner.metadata] in
        var request = SoukCatalogV1.WatchCatalogRequest()
        request.afterRevision = resumeFrom
        return try await market.rpc.serverStreaming(
          SoukCatalogV1.CatalogService.Method.WatchCatalog.self, request: request, metadata: partnerMetadata
        ) { stream in
          var received: [SoukCatalogV1.CatalogChange] = []
          for try await change in stream {
            if change.kind == .caughtUp { break }
            received.append(change)
          }
          return received
        }
      }
      for change in tail {
        seen.append(change.revision)
        if case .product(let state) = change.subject, state.id == product.id { lastStock = state.stock }
      }
      #expect(seen == seen.sorted() && Set(seen).count == seen.count, "strictly increasing, nothing twice")
      var get = SoukCatalogV1.GetProductRequest()
      get.lookup = .productId(product.id)
      let real = try await market.catalog.getProduct(get, metadata: partner.metadata)
      #expect(lastStock == real.stock, "the mirror ends at the product's real stock")
      #expect(real.stock == 1_000_000 - Int64(written.count))
      #expect(seen.last == written.last, "the newest change reached the mirror")
    }
  }
}
