import SoukAPI
import SoukAPIServices
import SoukMarket
import SoukRPC
import SoukStore
import SoukWire
import Testing

/// The order service over a real SQLite store: placing, idempotency, stock, transitions and visibility.
@Suite("Order service")
struct OrderServiceTests {
  typealias Harness = OrderServiceHarness
  typealias Method = SoukOrdersV1.OrderService.Method

  /// The refusal `body` throws; records an issue when it succeeds or throws something else.
  func refusal(_ body: () async throws -> some Any) async -> MarketError? {
    do {
      _ = try await body()
      Issue.record("expected a refusal, the call succeeded")
    } catch let error as MarketError {
      return error
    } catch {
      Issue.record("expected a MarketError, got \(error)")
    }
    return nil
  }

  @Test("Placing an order reserves every line's stock and splits it per cooperative")
  func placeReservesStock() async throws {
    let harness = try await Harness()
    let request = Harness.placeRequest(
      key: "k1",
      reference: "R-100",
      lines: [(Harness.oil, 3), (Harness.rug, 1), (Harness.honey, 2)]
    )
    let order = try await harness.place(request)
    #expect(order.status == .placed)
    #expect(order.partnerId == Harness.partnerID)
    #expect(order.customer?.name == "Fatima Zahra")
    #expect(order.customer?.phone?.e164 == "+212612345678")
    #expect(order.customer?.deliveryAddress?.countryCode == "MA")
    #expect(order.fulfilments.map(\.cooperativeId) == [Harness.cooperativeA, Harness.cooperativeB])
    #expect(order.fulfilments.allSatisfy { $0.status == .pending })
    #expect(order.fulfilments.map { $0.goodsTotal?.amountMinor ?? 0 } == [3 * 12_000 + 2 * 8_550, 150_000])
    #expect(order.lines.map(\.lineIndex) == [0, 1, 2])
    #expect(order.lines.map(\.sku) == ["PRD_OIL", "PRD_RUG", "PRD_HONEY"])
    #expect(order.totals?.placedTotal?.amountMinor == 203_100)
    #expect(order.totals?.outstandingTotal?.amountMinor == 203_100)
    #expect(try await harness.stock(Harness.oil) == 7)
    #expect(try await harness.stock(Harness.honey) == 3)
    #expect(try await harness.stock(Harness.rug) == 1)
    let history = try await harness.handler.getOrderHistory(
      request: {
        var r = SoukOrdersV1.GetOrderHistoryRequest()
        r.orderId = order.id
        return r
      }(),
      context: harness.context(Method.GetOrderHistory.self, .partner, Harness.partnerID)
    )
    #expect(history.events.map(\.eventNumber) == [1, 2, 3])
    var placed = SoukOrdersV1.OrderStatusChange()
    placed.toStatus = .placed
    #expect(history.events.first?.change == .orderStatusChanged(placed))
  }

  @Test("An order with a short line is refused whole, naming every short line, and reserves nothing")
  func outOfStock() async throws {
    let harness = try await Harness()
    let request = Harness.placeRequest(
      key: "k1",
      reference: "R-1",
      lines: [(Harness.oil, 3), (Harness.rug, 5), (Harness.honey, 9)]
    )
    let error = await self.refusal { try await harness.place(request) }
    #expect(error?.code == .failedPrecondition)
    #expect(error?.detail.reason == .outOfStock)
    #expect(error?.detail.fieldViolations.map(\.field) == ["lines[1].quantity", "lines[2].quantity"])
    #expect(error?.detail.metadata == ["product_id": Harness.rug, "available": "2"])
    #expect(try await harness.stock(Harness.oil) == 10)
    #expect(try await harness.stock(Harness.rug) == 2)
  }

  @Test("A line expecting another price is refused with the current price")
  func priceChanged() async throws {
    let harness = try await Harness()
    var request = Harness.placeRequest(key: "k1", reference: "R-1", lines: [(Harness.oil, 1)])
    request.lines[0].expectedUnitPrice = SoukCommonV1.Money.mad(11_000)
    let error = await self.refusal { try await harness.place(request) }
    #expect(error?.detail.reason == .priceChanged)
    #expect(error?.detail.metadata["current_price_minor"] == "12000")
    #expect(error?.detail.metadata["product_id"] == Harness.oil)
    request.lines[0].expectedUnitPrice = SoukCommonV1.Money.mad(12_000)
    request.idempotencyKey = "k2"
    #expect(try await harness.place(request).status == .placed)
  }

  @Test("A retry with the same key returns the same order; another request under it or the reference is refused")
  func idempotency() async throws {
    let harness = try await Harness()
    let request = Harness.placeRequest(key: "k1", reference: "R-1", lines: [(Harness.oil, 2)])
    let first = try await harness.place(request)
    let retry = try await harness.place(request)
    #expect(retry.id == first.id)
    #expect(try await harness.stock(Harness.oil) == 8)
    var other = request
    other.lines[0].quantity = 3
    let reused = await self.refusal { try await harness.place(other) }
    #expect(reused?.code == .invalidArgument && reused?.detail.reason == .idempotencyKeyReused)
    var sameReference = request
    sameReference.idempotencyKey = "k2"
    let duplicate = await self.refusal { try await harness.place(sameReference) }
    #expect(duplicate?.code == .alreadyExists && duplicate?.detail.reason == .orderReferenceAlreadyUsed)
    #expect(duplicate?.detail.metadata["order_id"] == first.id)
    #expect(try await harness.stock(Harness.oil) == 8)
  }

  @Test("Invalid requests name every wrong field")
  func validation() async throws {
    let harness = try await Harness()
    var request = Harness.placeRequest(key: "", reference: "R\u{7}", lines: [(Harness.oil, 0), (Harness.oil, 1)])
    request.customer?.phone?.e164 = "12"
    request.paymentMethod = .unspecified
    let error = await self.refusal { try await harness.place(request) }
    #expect(error?.code == .invalidArgument)
    #expect(
      Set(error?.detail.fieldViolations.map(\.field) ?? []) == [
        "idempotency_key", "partner_order_reference", "customer.phone.e164", "payment_method",
        "lines[0].quantity", "lines[1].product_id",
      ]
    )
  }

  @Test("Refusing a fulfilment puts its stock back; refusing every one rejects the order")
  func refuseReleases() async throws {
    let harness = try await Harness()
    let order = try await harness.place(
      Harness.placeRequest(key: "k1", reference: "R-1", lines: [(Harness.oil, 3), (Harness.rug, 1)])
    )
    var refuse = SoukOrdersV1.RefuseFulfilmentRequest()
    refuse.idempotencyKey = "r1"
    refuse.fulfilmentId = Harness.fulfilment(of: Harness.cooperativeA, in: order)
    refuse.reason = "out of this harvest"
    let afterA = try await harness.handler.refuseFulfilment(
      request: refuse,
      context: harness.context(Method.RefuseFulfilment.self, .cooperative, Harness.cooperativeA)
    )
    #expect(afterA.fulfilments.map(\.status) == [.refused])
    #expect(try await harness.stock(Harness.oil) == 10)
    #expect(try await harness.stock(Harness.rug) == 1)
    refuse.idempotencyKey = "r2"
    refuse.fulfilmentId = Harness.fulfilment(of: Harness.cooperativeB, in: order)
    let rejected = try await harness.handler.refuseFulfilment(
      request: refuse,
      context: harness.context(Method.RefuseFulfilment.self, .admin)
    )
    #expect(rejected.status == .rejected)
    #expect(rejected.totals?.payableTotal?.amountMinor == 0)
    #expect(try await harness.stock(Harness.rug) == 2)
  }

  @Test("The partner cancels before shipping (stock back), not after; an admin still can")
  func cancel() async throws {
    let harness = try await Harness()
    let partner = harness.context(Method.CancelOrder.self, .partner, Harness.partnerID)
    let early = try await harness.place(
      Harness.placeRequest(key: "k1", reference: "R-1", lines: [(Harness.oil, 3), (Harness.rug, 1)])
    )
    var cancel = SoukOrdersV1.CancelOrderRequest()
    cancel.idempotencyKey = "c1"
    cancel.orderId = early.id
    cancel.reason = "customer changed their mind"
    let cancelled = try await harness.handler.cancelOrder(request: cancel, context: partner)
    #expect(cancelled.status == .cancelled)
    #expect(cancelled.fulfilments.allSatisfy { $0.status == .cancelled && $0.reason == cancel.reason })
    #expect(try await harness.stock(Harness.oil) == 10)
    #expect(try await harness.stock(Harness.rug) == 2)

    let late = try await harness.place(
      Harness.placeRequest(key: "k2", reference: "R-2", lines: [(Harness.oil, 1), (Harness.rug, 1)])
    )
    let coopA = Harness.fulfilment(of: Harness.cooperativeA, in: late)
    var accept = SoukOrdersV1.AcceptFulfilmentRequest()
    accept.idempotencyKey = "a1"
    accept.fulfilmentId = coopA
    _ = try await harness.handler.acceptFulfilment(
      request: accept,
      context: harness.context(Method.AcceptFulfilment.self, .cooperative, Harness.cooperativeA)
    )
    var ship = SoukOrdersV1.ShipFulfilmentRequest()
    ship.idempotencyKey = "s1"
    ship.fulfilmentId = coopA
    ship.carrier = "Amana"
    ship.trackingReference = "AM123"
    let shipped = try await harness.handler.shipFulfilment(
      request: ship,
      context: harness.context(Method.ShipFulfilment.self, .cooperative, Harness.cooperativeA)
    )
    #expect(shipped.fulfilments.first?.status == .shipped)
    #expect(shipped.fulfilments.count == 1, "a cooperative sees only its part")
    cancel.idempotencyKey = "c2"
    cancel.orderId = late.id
    let refused = await self.refusal { try await harness.handler.cancelOrder(request: cancel, context: partner) }
    #expect(refused?.code == .permissionDenied)
    let byAdmin = try await harness.handler.cancelOrder(
      request: cancel,
      context: harness.context(Method.CancelOrder.self, .admin)
    )
    #expect(byAdmin.status == .cancelled)
    #expect(byAdmin.fulfilments.map(\.status) == [.cancelled, .cancelled])
    // The shipped part's stock stays sold; the unshipped part's comes back.
    #expect(try await harness.stock(Harness.oil) == 9)
    #expect(try await harness.stock(Harness.rug) == 2)
  }

  @Test("A cooperative sees only its part; others' orders do not exist for a caller")
  func visibility() async throws {
    let harness = try await Harness()
    let order = try await harness.place(
      Harness.placeRequest(key: "k1", reference: "R-1", lines: [(Harness.oil, 1), (Harness.rug, 1)])
    )
    var get = SoukOrdersV1.GetOrderRequest()
    get.lookup = .orderId(order.id)
    let part = try await harness.handler.getOrder(
      request: get,
      context: harness.context(Method.GetOrder.self, .cooperative, Harness.cooperativeB)
    )
    #expect(part.lines.map(\.productId) == [Harness.rug])
    #expect(part.fulfilments.map(\.cooperativeId) == [Harness.cooperativeB])
    #expect(part.totals?.placedTotal?.amountMinor == 150_000)
    let stranger = await self.refusal {
      try await harness.handler.getOrder(
        request: get,
        context: harness.context(Method.GetOrder.self, .partner, Harness.otherPartnerID)
      )
    }
    #expect(stranger?.code == .notFound)
    var byReference = SoukOrdersV1.GetOrderRequest()
    byReference.lookup = .partnerOrderReference("R-1")
    let found = try await harness.handler.getOrder(
      request: byReference,
      context: harness.context(Method.GetOrder.self, .partner, Harness.partnerID)
    )
    #expect(found.id == order.id && found.lines.count == 2)

    var accept = SoukOrdersV1.AcceptFulfilmentRequest()
    accept.idempotencyKey = "a1"
    accept.fulfilmentId = Harness.fulfilment(of: Harness.cooperativeA, in: order)
    let notOwn = await self.refusal {
      try await harness.handler.acceptFulfilment(
        request: accept,
        context: harness.context(Method.AcceptFulfilment.self, .cooperative, Harness.cooperativeB)
      )
    }
    #expect(notOwn?.code == .notFound)

    var history = SoukOrdersV1.GetOrderHistoryRequest()
    history.orderId = order.id
    let events = try await harness.handler.getOrderHistory(
      request: history,
      context: harness.context(Method.GetOrderHistory.self, .cooperative, Harness.cooperativeB)
    )
    #expect(events.events.map(\.eventNumber) == [1, 3], "the placement and B's own fulfilment only")

    var list = SoukOrdersV1.ListOrdersRequest()
    let listed = try await harness.handler.listOrders(
      request: list,
      context: harness.context(Method.ListOrders.self, .partner, Harness.otherPartnerID)
    )
    #expect(listed.orders.isEmpty)
    list.cooperativeId = Harness.cooperativeA
    let foreign = try await harness.handler.listOrders(
      request: list,
      context: harness.context(Method.ListOrders.self, .cooperative, Harness.cooperativeB)
    )
    #expect(foreign.orders.isEmpty)
    list.cooperativeId = ""
    let own = try await harness.handler.listOrders(
      request: list,
      context: harness.context(Method.ListOrders.self, .cooperative, Harness.cooperativeB)
    )
    #expect(own.orders.map(\.id) == [order.id])
    #expect(own.orders.first?.lines.count == 1)
  }

  @Test("Listing pages through every order once, newest first")
  func listPages() async throws {
    let harness = try await Harness()
    var placed: [String] = []
    for index in 0..<5 {
      let request = Harness.placeRequest(key: "k\(index)", reference: "R-\(index)", lines: [(Harness.oil, 1)])
      placed.append(try await harness.place(request).id)
    }
    var request = SoukOrdersV1.ListOrdersRequest()
    var page = SoukCommonV1.PageRequest()
    page.pageSize = 2
    request.page = page
    var seen: [String] = []
    let context = harness.context(Method.ListOrders.self, .admin)
    repeat {
      let response = try await harness.handler.listOrders(request: request, context: context)
      seen += response.orders.map(\.id)
      request.page?.pageToken = response.nextPageToken
    } while !(request.page?.pageToken.isEmpty ?? true)
    #expect(seen == placed.reversed())
  }

  @Test("Delivery and cash collected: totals follow, a retried payment is recorded once, too much is refused")
  func deliveryAndPayment() async throws {
    let harness = try await Harness()
    let order = try await harness.place(Harness.placeRequest(key: "k1", reference: "R-1", lines: [(Harness.oil, 2)]))
    let fulfilment = Harness.fulfilment(of: Harness.cooperativeA, in: order)
    let coop = { (method: any RPCMethod.Type) in
      harness.context(method, .cooperative, Harness.cooperativeA)
    }
    var accept = SoukOrdersV1.AcceptFulfilmentRequest()
    (accept.idempotencyKey, accept.fulfilmentId) = ("a1", fulfilment)
    _ = try await harness.handler.acceptFulfilment(request: accept, context: coop(Method.AcceptFulfilment.self))
    var ship = SoukOrdersV1.ShipFulfilmentRequest()
    (ship.idempotencyKey, ship.fulfilmentId, ship.carrier) = ("s1", fulfilment, "own delivery")
    _ = try await harness.handler.shipFulfilment(request: ship, context: coop(Method.ShipFulfilment.self))
    var deliver = SoukOrdersV1.MarkDeliveredRequest()
    (deliver.idempotencyKey, deliver.fulfilmentId) = ("d1", fulfilment)
    let delivered = try await harness.handler.markDelivered(
      request: deliver,
      context: harness.context(Method.MarkDelivered.self, .partner, Harness.partnerID)
    )
    #expect(delivered.status == .completed)
    var pay = SoukOrdersV1.RecordPaymentRequest()
    (pay.idempotencyKey, pay.orderId, pay.fulfilmentId, pay.method) = ("p1", order.id, fulfilment, .cashOnDelivery)
    pay.amount = SoukCommonV1.Money.mad(20_000)
    let paid = try await harness.handler.recordPayment(request: pay, context: coop(Method.RecordPayment.self))
    let again = try await harness.handler.recordPayment(request: pay, context: coop(Method.RecordPayment.self))
    #expect(paid.payments.count == 1 && again.payments.count == 1)
    #expect(again.totals?.outstandingTotal?.amountMinor == 4_000)
    pay.idempotencyKey = "p2"
    let tooMuch = await self.refusal {
      try await harness.handler.recordPayment(request: pay, context: coop(Method.RecordPayment.self))
    }
    #expect(tooMuch?.detail.reason == .paymentExceedsDue)
    #expect(tooMuch?.detail.metadata["outstanding_minor"] == "4000")
  }
}
