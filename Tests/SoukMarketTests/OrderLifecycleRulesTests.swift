import SoukAPI
import SoukMarket
import SoukRPC
import SoukStore
import Testing

/// The derived order status, payment rules, times and totals of the order lifecycle.
@Suite("Order lifecycle rules")
struct OrderLifecycleRulesTests {
  typealias Fixtures = OrderLifecycleFixtures

  struct StatusCase: Sendable, CustomStringConvertible {
    var statuses: [SoukOrdersV1.FulfilmentStatus]
    var cancelled: Bool
    var expected: SoukOrdersV1.OrderStatus
    var description: String { "\(self.statuses) cancelled=\(self.cancelled) → \(self.expected)" }
  }

  static let statusCases: [StatusCase] = [
    // 1. cancelled wins over everything.
    StatusCase(statuses: [.cancelled, .delivered], cancelled: true, expected: .cancelled),
    StatusCase(statuses: [.pending], cancelled: true, expected: .cancelled),
    // 2. no live part.
    StatusCase(statuses: [.refused], cancelled: false, expected: .rejected),
    StatusCase(statuses: [.refused, .refused], cancelled: false, expected: .rejected),
    // 3. a live part pending.
    StatusCase(statuses: [.pending, .delivered], cancelled: false, expected: .placed),
    StatusCase(statuses: [.refused, .pending, .shipped], cancelled: false, expected: .placed),
    // 4. accepted.
    StatusCase(statuses: [.accepted, .shipped, .refused], cancelled: false, expected: .accepted),
    // 5. shipped.
    StatusCase(statuses: [.shipped, .delivered, .deliveryRefused], cancelled: false, expected: .shipped),
    // 6. delivered.
    StatusCase(statuses: [.delivered, .deliveryRefused, .refused], cancelled: false, expected: .completed),
    StatusCase(statuses: [.delivered], cancelled: false, expected: .completed),
    // 7. all live parts refused at delivery.
    StatusCase(statuses: [.deliveryRefused, .refused], cancelled: false, expected: .deliveryRefused),
  ]

  @Test("The order status is derived by the schema's rules 1-7", arguments: Self.statusCases)
  func derivedStatus(_ test: StatusCase) {
    #expect(FulfilmentStateMachine.derivedStatus(of: test.statuses, cancelled: test.cancelled) == test.expected)
  }

  @Test("Refusing the last live part rejects the order and puts its stock back")
  func lastRefusalRejects() throws {
    var machine = FulfilmentStateMachine(order: Fixtures.order(.refused, .accepted))
    let change = try machine.apply(
      .refuse(fulfilmentID: Fixtures.fulfilmentB, reason: "no stock"),
      by: Fixtures.Role.siblingCooperative.caller,
      at: Fixtures.actionTime
    )
    #expect(machine.order.status == .rejected)
    #expect(change.releases == Fixtures.releasesB)
    var statusChange = SoukOrdersV1.OrderStatusChange()
    statusChange.fromStatus = .accepted
    statusChange.toStatus = .rejected
    #expect(change.events.map(\.change).last == .orderStatusChanged(statusChange))
    #expect(machine.order.totals?.payableTotal?.amountMinor == 0)
    #expect(machine.order.totals?.placedTotal?.amountMinor == 3100)
  }

  @Test("Totals: placed over every line, payable over live parts, outstanding after payments")
  func totals() throws {
    let order = Fixtures.order(.shipped, .refused)
    let totals = try OrderAmounts.totals(of: order)
    #expect(totals.placedTotal == SoukCommonV1.Money.mad(3100))
    #expect(totals.payableTotal == SoukCommonV1.Money.mad(2500))
    #expect(totals.collectedTotal == SoukCommonV1.Money.mad(0))
    #expect(totals.outstandingTotal == SoukCommonV1.Money.mad(2500))
    var machine = FulfilmentStateMachine(order: order)
    _ = try machine.apply(
      .recordPayment(FulfilmentStateMachineTests.payment(2000)),
      by: Fixtures.Role.ownCooperative.caller,
      at: Fixtures.actionTime
    )
    #expect(machine.order.totals?.collectedTotal == SoukCommonV1.Money.mad(2000))
    #expect(machine.order.totals?.outstandingTotal == SoukCommonV1.Money.mad(500))
  }

  @Test("Amounts that overflow are refused, never wrapped")
  func overflow() {
    #expect(throws: MarketError.self) { try OrderAmounts.multiply(Int64.max / 2, 3) }
    #expect(throws: MarketError.self) { try OrderAmounts.sum([Int64.max, 1]) }
    #expect((try? OrderAmounts.multiply(1999, 10_000)) == 19_990_000)
  }

  @Test("A payment above what is outstanding on the part is refused with PAYMENT_EXCEEDS_DUE")
  func paymentExceedsDue() throws {
    var machine = FulfilmentStateMachine(order: Fixtures.order(.delivered, .pending))
    let coop = Fixtures.Role.ownCooperative.caller
    let error = try #require(throws: MarketError.self) {
      try machine.apply(.recordPayment(FulfilmentStateMachineTests.payment(2501)), by: coop, at: Fixtures.actionTime)
    }
    #expect(error.code == .failedPrecondition && error.detail.reason == .paymentExceedsDue)
    #expect(error.detail.metadata["outstanding_minor"] == "2500")
    _ = try machine.apply(.recordPayment(FulfilmentStateMachineTests.payment(2000)), by: coop, at: Fixtures.actionTime)
    let second = try #require(throws: MarketError.self) {
      try machine.apply(.recordPayment(FulfilmentStateMachineTests.payment(501)), by: coop, at: Fixtures.actionTime)
    }
    #expect(second.detail.metadata["outstanding_minor"] == "500")
    _ = try machine.apply(.recordPayment(FulfilmentStateMachineTests.payment(500)), by: coop, at: Fixtures.actionTime)
    #expect(machine.order.payments.count == 2)
  }

  @Test("A cooperative records only cash on delivery, and only for its own part")
  func cooperativePaymentLimits() throws {
    let coop = Fixtures.Role.ownCooperative.caller
    var machine = FulfilmentStateMachine(order: Fixtures.order(.shipped, .pending))
    let card = try #require(throws: MarketError.self) {
      try machine.apply(
        .recordPayment(FulfilmentStateMachineTests.payment(100, method: .card)),
        by: coop,
        at: Fixtures.actionTime
      )
    }
    #expect(card.code == .permissionDenied)
    let whole = try #require(throws: MarketError.self) {
      try machine.apply(
        .recordPayment(FulfilmentStateMachineTests.payment(100, fulfilment: "", method: .cashOnDelivery)),
        by: coop,
        at: Fixtures.actionTime
      )
    }
    #expect(whole.code == .permissionDenied)
    #expect(machine.order.payments.isEmpty)
  }

  @Test("A payment of the whole order: by the partner while live, refused once cancelled or rejected")
  func orderPayment() throws {
    let partner = Fixtures.Role.ownPartner.caller
    let payment = FulfilmentStateMachineTests.payment(3100, fulfilment: "", method: .card)
    var live = FulfilmentStateMachine(order: Fixtures.order(.pending, .pending))
    _ = try live.apply(.recordPayment(payment), by: partner, at: Fixtures.actionTime)
    #expect(live.order.totals?.outstandingTotal == SoukCommonV1.Money.mad(0))
    for (a, b) in [
      (SoukOrdersV1.FulfilmentStatus.cancelled, SoukOrdersV1.FulfilmentStatus.cancelled), (.refused, .refused),
    ] {
      var machine = FulfilmentStateMachine(order: Fixtures.order(a, b))
      let error = try #require(throws: MarketError.self) {
        try machine.apply(.recordPayment(payment), by: Fixtures.Role.admin.caller, at: Fixtures.actionTime)
      }
      #expect(error.code == .failedPrecondition && error.detail.reason == .invalidTransition)
    }
  }

  @Test("A shipment before the acceptance, or a delivery before the shipment, is refused")
  func timesInOrder() throws {
    let coop = Fixtures.Role.ownCooperative.caller
    var accepted = FulfilmentStateMachine(order: Fixtures.order(.accepted, .pending))
    let early = SoukCommonV1.Timestamp(micros: 1_500_000)
    let ship = try #require(throws: MarketError.self) {
      try accepted.apply(
        .ship(fulfilmentID: Fixtures.fulfilmentA, carrier: "CTM", trackingReference: "", at: early),
        by: coop,
        at: Fixtures.actionTime
      )
    }
    #expect(ship.code == .invalidArgument && ship.detail.fieldViolations.map(\.field) == ["shipped_at"])
    var shipped = FulfilmentStateMachine(order: Fixtures.order(.shipped, .pending))
    let deliver = try #require(throws: MarketError.self) {
      try shipped.apply(.deliver(fulfilmentID: Fixtures.fulfilmentA, at: early), by: coop, at: Fixtures.actionTime)
    }
    #expect(deliver.detail.fieldViolations.map(\.field) == ["delivered_at"])
  }

  @Test("money is counted in centimes of MAD, the one currency of v1")
  func moneyIsMADCentimes() {
    let money = SoukCommonV1.Money.mad(4_550)
    #expect(money.amountMinor == 4_550 && money.currencyCode == "MAD")
  }
}
