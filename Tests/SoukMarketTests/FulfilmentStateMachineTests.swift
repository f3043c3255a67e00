import SoukAPI
import SoukMarket
import SoukRPC
import SoukStore
import Testing

/// The transition table of `orders.souk`, every status × every action × every role, against the machine alone.
@Suite("Fulfilment state machine")
struct FulfilmentStateMachineTests {
  /// The statuses as `orders.souk` writes them, which `from_status` and `to_status` carry (`common.souk`).
  static let schemaNames: [SoukOrdersV1.FulfilmentStatus: String] = [
    .unspecified: "FULFILMENT_STATUS_UNSPECIFIED", .pending: "FULFILMENT_STATUS_PENDING",
    .accepted: "FULFILMENT_STATUS_ACCEPTED", .refused: "FULFILMENT_STATUS_REFUSED",
    .shipped: "FULFILMENT_STATUS_SHIPPED", .delivered: "FULFILMENT_STATUS_DELIVERED",
    .deliveryRefused: "FULFILMENT_STATUS_DELIVERY_REFUSED", .cancelled: "FULFILMENT_STATUS_CANCELLED",
  ]

  typealias Fixtures = OrderLifecycleFixtures
  typealias Role = OrderLifecycleFixtures.Role

  /// The fulfilment-level actions, each with the statuses it leaves from, where it goes and who may make it,
  /// written out from the schema's table (not from the implementation).
  enum Step: CaseIterable, CustomStringConvertible {
    case accept, refuse, ship, deliver, refuseDelivery

    var from: Set<SoukOrdersV1.FulfilmentStatus> {
      switch self {
      case .accept: [.pending]
      case .refuse: [.pending, .accepted]
      case .ship: [.accepted]
      case .deliver, .refuseDelivery: [.shipped]
      }
    }

    var target: SoukOrdersV1.FulfilmentStatus {
      switch self {
      case .accept: .accepted
      case .refuse: .refused
      case .ship: .shipped
      case .deliver: .delivered
      case .refuseDelivery: .deliveryRefused
      }
    }

    var partnerMay: Bool { self == .deliver || self == .refuseDelivery }
    var takesReason: Bool { self == .refuse || self == .refuseDelivery }

    func action(on fulfilment: String) -> FulfilmentAction {
      let at = SoukCommonV1.Timestamp(micros: 9_000_000)
      switch self {
      case .accept: return .accept(fulfilmentID: fulfilment)
      case .refuse: return .refuse(fulfilmentID: fulfilment, reason: Fixtures.reason)
      case .ship: return .ship(fulfilmentID: fulfilment, carrier: "Amana", trackingReference: "AM1", at: at)
      case .deliver: return .deliver(fulfilmentID: fulfilment, at: at)
      case .refuseDelivery: return .refuseDelivery(fulfilmentID: fulfilment, reason: Fixtures.reason, at: at)
      }
    }

    var description: String { "\(self.target)" }

    func expectation(role: Role, status: SoukOrdersV1.FulfilmentStatus) -> FulfilmentExpectation {
      switch role {
      case .otherPartner, .strangerCooperative, .siblingCooperative: return .notFound
      case .ownPartner where !self.partnerMay: return .permissionDenied
      default: return self.from.contains(status) ? .success : .invalidTransition
      }
    }
  }

  @Test(
    "Each fulfilment step from each status by each role",
    arguments: Fixtures.statuses,
    [SoukOrdersV1.FulfilmentStatus.pending, .shipped, .refused]
  )
  func fulfilmentSteps(status: SoukOrdersV1.FulfilmentStatus, other: SoukOrdersV1.FulfilmentStatus) throws {
    for step in Step.allCases {
      for role in Role.allCases {
        let order = Fixtures.order(status, other)
        var machine = FulfilmentStateMachine(order: order)
        let expected = step.expectation(role: role, status: status)
        let label = "\(step) by \(role) from \(status) (other part \(other))"
        switch machine.attempt(step.action(on: Fixtures.fulfilmentA), by: role.caller) {
        case .success(let change):
          #expect(expected == .success, "\(label) succeeded, expected \(expected)")
          if expected == .success {
            try self.checkSuccess(step, role: role, before: order, after: machine.order, change: change, label)
          }
        case .failure(let error):
          #expect(expected.matches(error), "\(label): got \(error.code) \(error.detail.reason), expected \(expected)")
          #expect(machine.order == order, "\(label): a refused action changed the order")
          if expected == .invalidTransition {
            #expect(error.detail.metadata["from_status"] == Self.schemaNames[status])
            #expect(error.detail.metadata["to_status"] == Self.schemaNames[step.target])
          }
        }
      }
    }
  }

  private func checkSuccess(
    _ step: Step,
    role: Role,
    before: SoukOrdersV1.Order,
    after: SoukOrdersV1.Order,
    change: OrderChange,
    _ label: String
  ) throws {
    let fulfilment = try #require(after.fulfilments.first)
    #expect(fulfilment.status == step.target, "\(label)")
    #expect(fulfilment.updatedAt == Fixtures.actionTime)
    #expect(after.fulfilments[1] == before.fulfilments[1], "\(label): the other part changed")
    let first = try #require(change.events.first)
    guard case .fulfilmentStatusChanged(let moved)? = first.change else {
      Issue.record("\(label): first event is \(String(describing: first.change))")
      return
    }
    #expect(moved.fulfilmentId == Fixtures.fulfilmentA)
    #expect(moved.cooperativeId == Fixtures.cooperativeA)
    #expect(moved.fromStatus == before.fulfilments[0].status)
    #expect(moved.toStatus == step.target)
    for event in change.events {
      #expect(event.actor == role.caller.principal)
      #expect(event.apiKeyPrefix == role.caller.apiKeyPrefix)
      #expect(event.occurredAt == Fixtures.actionTime)
      #expect(event.reason == (step.takesReason ? Fixtures.reason : ""))
    }
    let derived = FulfilmentStateMachine.derivedStatus(
      of: after.fulfilments.map(\.status),
      cancelled: false
    )
    #expect(after.status == derived, "\(label)")
    if derived == before.status {
      #expect(change.events.count == 1, "\(label)")
    } else {
      #expect(change.events.count == 2, "\(label)")
      var statusChange = SoukOrdersV1.OrderStatusChange()
      statusChange.fromStatus = before.status
      statusChange.toStatus = derived
      #expect(change.events.last?.change == .orderStatusChanged(statusChange), "\(label)")
    }
    #expect(change.releases == (step == .refuse ? Fixtures.releasesA : [:]), "\(label)")
    #expect(after.updatedAt == Fixtures.actionTime)
    #expect(after.totals == (try OrderAmounts.totals(of: after)))
    switch step {
    case .ship:
      #expect(fulfilment.carrier == "Amana" && fulfilment.trackingReference == "AM1")
      #expect(fulfilment.shippedAt == SoukCommonV1.Timestamp(micros: 9_000_000))
    case .accept:
      #expect(fulfilment.acceptedAt == Fixtures.actionTime)
    case .deliver, .refuseDelivery:
      #expect(fulfilment.deliveredAt == SoukCommonV1.Timestamp(micros: 9_000_000))
    case .refuse:
      #expect(fulfilment.reason == Fixtures.reason)
    }
  }

  /// CancelOrder by each role for every pair of fulfilment statuses.
  @Test("Cancelling from every pair of statuses by each role", arguments: Fixtures.statuses, Fixtures.statuses)
  func cancel(a: SoukOrdersV1.FulfilmentStatus, b: SoukOrdersV1.FulfilmentStatus) throws {
    let order = Fixtures.order(a, b)
    let shippedOrLater: Set<SoukOrdersV1.FulfilmentStatus> = [.shipped, .delivered, .deliveryRefused]
    for role in Role.allCases {
      let expected: FulfilmentExpectation
      switch role {
      case .otherPartner, .strangerCooperative: expected = .notFound
      case .ownCooperative, .siblingCooperative: expected = .permissionDenied
      default:
        if ![.placed, .accepted, .shipped].contains(order.status) {
          expected = .invalidTransition
        } else if role == .ownPartner && (shippedOrLater.contains(a) || shippedOrLater.contains(b)) {
          expected = .permissionDenied
        } else {
          expected = .success
        }
      }
      var machine = FulfilmentStateMachine(order: order)
      let label = "cancel by \(role) of (\(a), \(b)), order \(order.status)"
      switch machine.attempt(.cancel(reason: Fixtures.reason), by: role.caller) {
      case .failure(let error):
        #expect(expected.matches(error), "\(label): got \(error.code) \(error.detail.reason), expected \(expected)")
        #expect(machine.order == order)
      case .success(let change):
        #expect(expected == .success, "\(label) succeeded, expected \(expected)")
        guard expected == .success else { continue }
        let after = machine.order
        #expect(after.status == .cancelled)
        var releases: [String: Int64] = [:]
        var moved: [String] = []
        for (index, status) in [a, b].enumerated() {
          let cancels = [.pending, .accepted, .shipped].contains(status)
          #expect(after.fulfilments[index].status == (cancels ? .cancelled : status), "\(label)")
          if cancels { moved.append(after.fulfilments[index].id) }
          if status == .pending || status == .accepted {
            releases.merge(index == 0 ? Fixtures.releasesA : Fixtures.releasesB) { $0 + $1 }
          }
        }
        #expect(change.releases == releases, "\(label)")
        let fulfilmentEvents = change.events.dropLast().compactMap { event -> String? in
          guard case .fulfilmentStatusChanged(let changed)? = event.change else { return nil }
          return changed.toStatus == .cancelled ? changed.fulfilmentId : nil
        }
        #expect(fulfilmentEvents == moved, "\(label)")
        #expect(change.events.count == moved.count + 1)
        var statusChange = SoukOrdersV1.OrderStatusChange()
        statusChange.fromStatus = order.status
        statusChange.toStatus = .cancelled
        #expect(change.events.last?.change == .orderStatusChanged(statusChange))
        #expect(change.events.allSatisfy { $0.reason == Fixtures.reason && $0.actor == role.caller.principal })
      }
    }
  }

  /// A cash-on-delivery payment for fulfilment A from each status by each role.
  @Test("Recording a payment for a fulfilment", arguments: Fixtures.statuses)
  func fulfilmentPayment(status: SoukOrdersV1.FulfilmentStatus) throws {
    for role in Role.allCases {
      let order = Fixtures.order(status, .pending)
      var machine = FulfilmentStateMachine(order: order)
      let expected: FulfilmentExpectation
      switch role {
      case .otherPartner, .strangerCooperative, .siblingCooperative: expected = .notFound
      default: expected = (status == .shipped || status == .delivered) ? .success : .invalidTransition
      }
      let label = "payment by \(role) with fulfilment \(status)"
      switch machine.attempt(.recordPayment(Self.payment(1000)), by: role.caller) {
      case .failure(let error):
        #expect(expected.matches(error), "\(label): got \(error.code) \(error.detail.reason), expected \(expected)")
      case .success(let change):
        #expect(expected == .success, "\(label) succeeded, expected \(expected)")
        guard expected == .success else { continue }
        let recorded = try #require(machine.order.payments.first)
        #expect(recorded.recordedBy == role.caller.principal)
        #expect(recorded.recordedAt == Fixtures.actionTime)
        #expect(change.events.count == 1)
        #expect(change.events.first?.change == .paymentRecorded(recorded))
        #expect(change.releases.isEmpty)
        #expect(machine.order.status == order.status)
        #expect(machine.order.totals?.collectedTotal?.amountMinor == 1000)
        let payable = order.totals?.payableTotal?.amountMinor ?? 0
        #expect(machine.order.totals?.outstandingTotal?.amountMinor == payable - 1000)
      }
    }
  }

  static func payment(
    _ amount: Int64, fulfilment: String = Fixtures.fulfilmentA, method: SoukOrdersV1.PaymentMethod = .cashOnDelivery
  )
    -> SoukOrdersV1.Payment
  {
    var payment = SoukOrdersV1.Payment()
    payment.id = "pay_\(amount)"
    payment.fulfilmentId = fulfilment
    payment.method = method
    payment.amount = SoukCommonV1.Money.mad(amount)
    payment.collectedAt = SoukCommonV1.Timestamp(micros: 9_000_000)
    return payment
  }
}
