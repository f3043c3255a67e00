import SoukAPI
import SoukStore
import SoukTestSupport
import Testing

extension MarketStoreConformance {
  /// Placing reserves the stock of every line with a new version and revision per product, and saves the order
  /// and its numbered history; one short line reserves nothing and saves no order.
  public func placeOrderIsAllOrNothing() async throws {
    let store = try await makeStore()
    let (_, partner, products) = try await Fixtures.seed(store, stocks: [5, 2])
    let before = try #require(try await store.product(id: products[0]))
    let short = OrderFixture(lines: [(products[0], 3), (products[1], 3)])
    await #expect(throws: StoreError.insufficientStock(productID: products[1], available: 2)) {
      _ = try await short.place(in: store, partnerID: partner.id, reference: "R-1")
    }
    #expect(try await store.product(id: products[0]) == before)
    #expect(try await store.order(id: short.orderID) == nil)
    #expect(try await store.order(partnerID: partner.id, reference: "R-1") == nil)
    #expect(try await store.currentFeedSequence() == 0)

    let fixture = OrderFixture(lines: [(products[0], 3), (products[1], 2)])
    let order = try await fixture.place(in: store, partnerID: partner.id, reference: "R-1")
    #expect(order.id == fixture.orderID)
    #expect(try await store.order(id: order.id) == order)
    #expect(try await store.order(partnerID: partner.id, reference: "R-1") == order)
    let fulfilmentID = try #require(order.fulfilments.first?.id)
    #expect(try await store.order(fulfilmentID: fulfilmentID) == order)
    let reserved = try #require(try await store.product(id: products[0]))
    #expect(reserved.stock == 2)
    #expect(reserved.version == before.version + 1)
    #expect(reserved.revision > before.revision)
    #expect(try await store.product(id: products[1])?.stock == 0)
    let history = try await store.orderHistory(orderID: order.id)
    #expect(history.map(\.eventNumber) == [1])
    #expect(try await store.currentFeedSequence() == 1)

    // A retry with the same key returns the order; the reference stays taken for other keys.
    let keyed = OrderFixture(lines: [(products[0], 1)])
    let context = Fixtures.context(Fixtures.principal(.partner, partner.id), method: "m/PlaceOrder", key: "o-1")
    let placed = try await keyed.place(in: store, partnerID: partner.id, reference: "R-2", context: context)
    let retried = try await OrderFixture(lines: [(products[0], 1)]).place(
      in: store,
      partnerID: partner.id,
      reference: "R-2",
      context: context
    )
    #expect(retried == placed)
    #expect(try await store.product(id: products[0])?.stock == 1)
  }

  /// 200 orders of one unit placed at once for a product with stock 50: exactly 50 succeed, the others fail with
  /// insufficient stock, and the stock ends at 0.
  public func concurrentOrdersNeverOversell() async throws {
    let store = try await makeStore()
    let (_, partner, products) = try await Fixtures.seed(store, stocks: [50])
    let productID = products[0]
    let outcomes = try await withThrowingTaskGroup(of: Bool.self) { group in
      for index in 0..<200 {
        group.addTask {
          do {
            _ = try await OrderFixture(lines: [(productID, 1)]).place(
              in: store,
              partnerID: partner.id,
              reference: "C-\(index)"
            )
            return true
          } catch StoreError.insufficientStock(let id, let available) {
            #expect(id == productID && available == 0)
            return false
          }
        }
      }
      return try await group.reduce(into: [Bool]()) { $0.append($1) }
    }
    #expect(outcomes.filter { $0 }.count == 50)
    let product = try #require(try await store.product(id: productID))
    #expect(product.stock == 0)
    #expect(product.version == 51)
    var query = OrderQuery()
    query.partnerID = partner.id
    #expect(try await store.listOrders(query, after: nil, limit: 500).count == 50)
  }

  /// A partner's reference names one order: a second order with it is refused with the first order's id, while
  /// another partner may use it.
  public func orderReferenceIsUniquePerPartner() async throws {
    let store = try await makeStore()
    let (_, partner, products) = try await Fixtures.seed(store, stocks: [10])
    let other = try await store.insertPartner(Fixtures.partner(name: "Autre"), context: Fixtures.context())
    let first = try await OrderFixture(lines: [(products[0], 1)]).place(
      in: store, partnerID: partner.id, reference: "REF")
    await #expect(throws: StoreError.orderReferenceAlreadyUsed(orderID: first.id)) {
      _ = try await OrderFixture(lines: [(products[0], 1)]).place(in: store, partnerID: partner.id, reference: "REF")
    }
    _ = try await OrderFixture(lines: [(products[0], 1)]).place(in: store, partnerID: other.id, reference: "REF")
    #expect(try await store.product(id: products[0])?.stock == 8)
  }

  /// Updating an order saves it, releases stock (new version and revision), appends history numbered after the
  /// last entry, and feed entries for fulfilment changes and payments but not for order-level status changes.
  public func updateOrderReleasesStockAndAppendsHistory() async throws {
    let store = try await makeStore()
    let (cooperative, partner, products) = try await Fixtures.seed(store, stocks: [10])
    let order = try await OrderFixture(lines: [(products[0], 4)]).place(in: store, partnerID: partner.id)
    let reserved = try #require(try await store.product(id: products[0]))
    let fulfilment = try #require(order.fulfilments.first)
    let sequence = try await store.currentFeedSequence()
    let cancelled = try await store.updateOrder(id: order.id, context: Fixtures.context()) { order in
      order.status = .cancelled
      order.fulfilments[0].status = .cancelled
      var payment = SoukOrdersV1.Payment()
      payment.id = "pay_1"
      payment.fulfilmentId = fulfilment.id
      payment.amount = Fixtures.mad(100)
      order.payments.append(payment)
      var status = SoukOrdersV1.OrderStatusChange()
      status.fromStatus = .placed
      status.toStatus = .cancelled
      return OrderChange(
        events: [
          OrderFixture.event(
            .fulfilmentStatusChanged(OrderFixture.statusChange(fulfilment, from: .pending, to: .cancelled)),
            micros: Fixtures.baseMicros
          ),
          OrderFixture.event(.paymentRecorded(payment), micros: Fixtures.baseMicros),
          OrderFixture.event(.orderStatusChanged(status), micros: Fixtures.baseMicros),
        ],
        releases: [products[0]: 4]
      )
    }
    #expect(cancelled.status == .cancelled)
    #expect(try await store.order(id: order.id) == cancelled)
    let released = try #require(try await store.product(id: products[0]))
    #expect(released.stock == 10)
    #expect(released.version == reserved.version + 1)
    #expect(released.revision > reserved.revision)
    #expect(try await store.orderHistory(orderID: order.id).map(\.eventNumber) == [1, 2, 3, 4])
    let feed = try await store.fulfilmentFeed(after: sequence, cooperativeID: nil, partnerID: nil, limit: 10)
    #expect(feed.map(\.kind) == [.statusChanged, .paymentRecorded])
    #expect(feed.map(\.event.eventNumber) == [2, 3])
    #expect(feed.allSatisfy { $0.cooperativeID == cooperative.id && $0.orderID == order.id })
    var query = OrderQuery()
    query.fulfilmentStatuses = [.cancelled]
    #expect(try await store.listOrders(query, after: nil, limit: 10).map(\.id) == [order.id])
    await #expect(throws: StoreError.notFound(.order, id: "ord_missing")) {
      _ = try await store.updateOrder(id: "ord_missing", context: Fixtures.context()) { _ in OrderChange(events: []) }
    }
  }

  /// The fulfilment feed numbers entries strictly increasing and filters by cooperative and partner; a payment
  /// of the whole order has no cooperative.
  public func fulfilmentFeedFiltersAndOrder() async throws {
    let store = try await makeStore()
    let (first, partner, firstProducts) = try await Fixtures.seed(store, stocks: [10])
    let (second, otherPartner, secondProducts) = try await Fixtures.seed(store, stocks: [10])
    let both = try await OrderFixture(lines: [(firstProducts[0], 1), (secondProducts[0], 1)])
      .place(in: store, partnerID: partner.id)
    _ = try await OrderFixture(lines: [(secondProducts[0], 1)]).place(in: store, partnerID: otherPartner.id)
    _ = try await store.updateOrder(id: both.id, context: Fixtures.context()) { order in
      var payment = SoukOrdersV1.Payment()
      payment.id = "pay_all"
      payment.amount = Fixtures.mad(50)
      order.payments.append(payment)
      return OrderChange(events: [OrderFixture.event(.paymentRecorded(payment), micros: Fixtures.baseMicros)])
    }
    let all = try await store.fulfilmentFeed(after: 0, cooperativeID: nil, partnerID: nil, limit: 100)
    #expect(all.count == 4)
    #expect(zip(all, all.dropFirst()).allSatisfy { $0.sequence < $1.sequence })
    #expect(try await store.currentFeedSequence() == all.last?.sequence)
    #expect(all.map(\.kind) == [.created, .created, .created, .paymentRecorded])
    #expect(all.last?.cooperativeID == "")
    let firstFeed = try await store.fulfilmentFeed(after: 0, cooperativeID: first.id, partnerID: nil, limit: 100)
    #expect(firstFeed.map(\.orderID) == [both.id])
    let secondFeed = try await store.fulfilmentFeed(after: 0, cooperativeID: second.id, partnerID: nil, limit: 100)
    #expect(secondFeed.count == 2)
    let partnerFeed = try await store.fulfilmentFeed(after: 0, cooperativeID: nil, partnerID: partner.id, limit: 100)
    #expect(partnerFeed.map(\.sequence) == [all[0].sequence, all[1].sequence, all[3].sequence])
    let resumed = try await store.fulfilmentFeed(after: all[1].sequence, cooperativeID: nil, partnerID: nil, limit: 1)
    #expect(resumed.map(\.sequence) == [all[2].sequence])
  }

  /// A subscriber is woken after each committed write that changes the catalog or the fulfilment feed; commits
  /// made while it does not read coalesce into one element.
  public func changeNotificationsYieldAfterWrites() async throws {
    let store = try await makeStore()
    let notifications = store.changeNotifications()
    let (_, partner, products) = try await Fixtures.seed(store, stocks: [3])
    // Every signal is sent before the write returns, so this drains what the seeding caused.
    #expect(try await Self.nextNotification(notifications))
    _ = try await OrderFixture(lines: [(products[0], 1)]).place(in: store, partnerID: partner.id)
    #expect(try await Self.nextNotification(notifications))
    let updated = try await store.updateProduct(id: products[0], context: Fixtures.context()) { $0.stock = 7 }
    #expect(updated.stock == 7)
    #expect(try await Self.nextNotification(notifications))
  }

  /// Whether `stream` yields within ten seconds (false when it ended; a timeout fails).
  static func nextNotification(_ stream: AsyncStream<Void>) async throws -> Bool {
    try await withTimeout(.seconds(10), "a change notification") {
      var iterator = stream.makeAsyncIterator()
      return await iterator.next() != nil
    }
  }

  /// Order listings filter by every criterion and page newest or oldest first without repeats or gaps.
  public func listOrdersFiltersAndPaging() async throws {
    let store = try await makeStore()
    let (first, partner, firstProducts) = try await Fixtures.seed(store, stocks: [100])
    let (second, otherPartner, secondProducts) = try await Fixtures.seed(store, stocks: [100])
    var placed: [SoukOrdersV1.Order] = []
    for index in 0..<6 {
      var fixture = OrderFixture(lines: [(index % 2 == 0 ? firstProducts[0] : secondProducts[0], 1)])
      fixture.createdMicros = Fixtures.baseMicros + Int64(index / 2) * 1_000_000
      fixture.customerName = index == 4 ? "Youssef Benali" : "Fatima Zahra Alaoui"
      fixture.phone = index == 4 ? "+212700112233" : "+212612345678"
      fixture.region = index == 5 ? .oriental : .fesMeknes
      let owner = index < 4 ? partner.id : otherPartner.id
      placed.append(try await fixture.place(in: store, partnerID: owner, reference: "REF-\(index)"))
    }
    _ = try await store.updateOrder(id: placed[2].id, context: Fixtures.context()) { order in
      order.status = .accepted
      order.fulfilments[0].status = .accepted
      order.totals?.outstandingTotal = Fixtures.mad(0)
      return OrderChange(events: [])
    }
    func ids(_ configure: (inout OrderQuery) -> Void) async throws -> Set<String> {
      var query = OrderQuery()
      configure(&query)
      return Set(try await store.listOrders(query, after: nil, limit: 100).map(\.id))
    }
    let all = Set(placed.map(\.id))
    #expect(try await ids { _ in } == all)
    #expect(try await ids { $0.statuses = [.accepted] } == [placed[2].id])
    #expect(try await ids { $0.fulfilmentStatuses = [.pending] } == all.subtracting([placed[2].id]))
    #expect(try await ids { $0.cooperativeID = second.id } == [placed[1].id, placed[3].id, placed[5].id])
    #expect(
      try await ids {
        $0.cooperativeID = first.id
        $0.fulfilmentStatuses = [.accepted]
      } == [placed[2].id]
    )
    #expect(try await ids { $0.partnerID = otherPartner.id } == [placed[4].id, placed[5].id])
    #expect(
      try await ids {
        $0.createdFromMicros = Fixtures.baseMicros + 1_000_000
        $0.createdBeforeMicros = Fixtures.baseMicros + 2_000_000
      } == [placed[2].id, placed[3].id]
    )
    #expect(try await ids { $0.partnerOrderReference = "REF-3" } == [placed[3].id])
    #expect(try await ids { $0.productID = firstProducts[0] } == [placed[0].id, placed[2].id, placed[4].id])
    #expect(try await ids { $0.deliveryRegions = [.oriental] } == [placed[5].id])
    #expect(try await ids { $0.paymentMethods = [.card] }.isEmpty)
    #expect(try await ids { $0.customerQueryWords = SearchText.words(of: "youss ben") } == [placed[4].id])
    #expect(try await ids { $0.customerQueryWords = SearchText.words(of: placed[1].id) } == [placed[1].id])
    #expect(try await ids { $0.customerQueryWords = ["ref"] } == all)
    #expect(try await ids { $0.customerQueryWords = ["70011"] } == [placed[4].id])
    #expect(try await ids { $0.customerPhoneDigits = "70011" } == [placed[4].id])
    #expect(try await ids { $0.hasOutstanding = false } == [placed[2].id])
    #expect(try await ids { $0.hasOutstanding = true } == all.subtracting([placed[2].id]))

    for newestFirst in [true, false] {
      var query = OrderQuery()
      query.newestFirst = newestFirst
      var seen: [SoukOrdersV1.Order] = []
      var position: ListPosition? = nil
      while true {
        let page = try await store.listOrders(query, after: position, limit: 4)
        guard let last = page.last else { break }
        seen += page
        position = ListPosition(createdAtMicros: Fixtures.micros(last.createdAt), id: last.id)
      }
      #expect(seen.count == 6 && Set(seen.map(\.id)) == all)
      let keys = seen.map { (Fixtures.micros($0.createdAt), $0.id) }
      let ordered = zip(keys, keys.dropFirst()).allSatisfy { newestFirst ? $0 > $1 : $0 < $1 }
      #expect(ordered, "orders follow created_at then id, newest first: \(newestFirst)")
    }
  }

  /// Totals facts cover each fulfilment of the orders placed in the range (with what was collected against it),
  /// and each order's payments of the whole order.
  public func fulfilmentFactsCoverRange() async throws {
    let store = try await makeStore()
    let (first, partner, firstProducts) = try await Fixtures.seed(store, stocks: [10])
    let (_, _, secondProducts) = try await Fixtures.seed(store, stocks: [10])
    var early = OrderFixture(lines: [(firstProducts[0], 2), (secondProducts[0], 1)])
    early.createdMicros = Fixtures.baseMicros
    let order = try await early.place(in: store, partnerID: partner.id)
    var late = OrderFixture(lines: [(firstProducts[0], 1)])
    late.createdMicros = Fixtures.baseMicros + 10_000_000
    _ = try await late.place(in: store, partnerID: partner.id)
    let firstFulfilment = try #require(order.fulfilments.first { $0.cooperativeId == first.id })
    _ = try await store.updateOrder(id: order.id, context: Fixtures.context()) { order in
      var toFulfilment = SoukOrdersV1.Payment()
      toFulfilment.id = "pay_f"
      toFulfilment.fulfilmentId = firstFulfilment.id
      toFulfilment.amount = Fixtures.mad(300)
      var toOrder = SoukOrdersV1.Payment()
      toOrder.id = "pay_o"
      toOrder.amount = Fixtures.mad(70)
      order.payments += [toFulfilment, toOrder]
      return OrderChange(events: [])
    }
    let facts = try await store.fulfilmentFacts(
      FulfilmentFactQuery(fromMicros: Fixtures.baseMicros, beforeMicros: Fixtures.baseMicros + 10_000_000)
    )
    #expect(facts.count == 3)
    let fact = try #require(facts.first { $0.fulfilmentID == firstFulfilment.id })
    #expect(fact.cooperativeID == first.id)
    #expect(fact.goodsTotalMinor == 2 * 4_990)
    #expect(fact.collectedMinor == 300)
    #expect(fact.status == .pending)
    #expect(fact.orderCreatedAtMicros == Fixtures.baseMicros)
    let orderLevel = try #require(facts.first { $0.fulfilmentID.isEmpty })
    #expect(orderLevel.orderID == order.id && orderLevel.collectedMinor == 70)
    var byCooperative = FulfilmentFactQuery(fromMicros: 0, beforeMicros: Int64.max)
    byCooperative.cooperativeID = first.id
    #expect(try await store.fulfilmentFacts(byCooperative).count == 2)
  }
}
