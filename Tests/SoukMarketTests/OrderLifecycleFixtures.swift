import SoukAPI
import SoukMarket
import SoukStore

/// A two-cooperative order in any pair of fulfilment statuses, and the callers that act on it, for the state
/// machine tests. Lines: A1 (2 × 10.00 MAD) and A2 (1 × 5.00) of cooperative A, B (3 × 2.00) of cooperative B.
enum OrderLifecycleFixtures {
  static let partnerID = "ptn_own"
  static let cooperativeA = "coop_a"
  static let cooperativeB = "coop_b"
  static let fulfilmentA = "ful_a"
  static let fulfilmentB = "ful_b"
  /// When each action is made.
  static let actionTime = SoukCommonV1.Timestamp(micros: 10_000_000)
  /// The reason given with every action that takes one.
  static let reason = "a reason"

  /// Who acts, relative to the order.
  enum Role: CaseIterable, CustomStringConvertible {
    case admin
    case ownPartner
    case otherPartner
    /// Cooperative A, which owns fulfilment A.
    case ownCooperative
    /// Cooperative B: sees the order, owns only fulfilment B.
    case siblingCooperative
    /// A cooperative with no part in the order.
    case strangerCooperative

    var caller: Caller {
      var principal = SoukCommonV1.Principal()
      switch self {
      case .admin: principal.kind = .admin
      case .ownPartner: (principal.kind, principal.id) = (.partner, OrderLifecycleFixtures.partnerID)
      case .otherPartner: (principal.kind, principal.id) = (.partner, "ptn_other")
      case .ownCooperative: (principal.kind, principal.id) = (.cooperative, OrderLifecycleFixtures.cooperativeA)
      case .siblingCooperative: (principal.kind, principal.id) = (.cooperative, OrderLifecycleFixtures.cooperativeB)
      case .strangerCooperative: (principal.kind, principal.id) = (.cooperative, "coop_c")
      }
      return Caller(principal: principal, apiKeyPrefix: "souk_test_\(principal.kind.rawValue)")
    }

    var description: String { "\(self.caller.principal.kind):\(self.caller.principal.id)" }
  }

  static func line(
    _ index: UInt32,
    product: String,
    cooperative: String,
    fulfilment: String,
    quantity: Int64,
    price: Int64
  ) -> SoukOrdersV1.OrderLine {
    var line = SoukOrdersV1.OrderLine()
    line.lineIndex = index
    line.productId = product
    line.cooperativeId = cooperative
    line.fulfilmentId = fulfilment
    line.quantity = quantity
    line.unitPrice = SoukCommonV1.Money.mad(price)
    line.lineTotal = SoukCommonV1.Money.mad(price * quantity)
    return line
  }

  static func fulfilment(
    _ id: String,
    cooperative: String,
    status: SoukOrdersV1.FulfilmentStatus,
    goods: Int64
  ) -> SoukOrdersV1.Fulfilment {
    var fulfilment = SoukOrdersV1.Fulfilment()
    fulfilment.id = id
    fulfilment.orderId = "ord_1"
    fulfilment.cooperativeId = cooperative
    fulfilment.status = status
    fulfilment.goodsTotal = SoukCommonV1.Money.mad(goods)
    fulfilment.createdAt = SoukCommonV1.Timestamp(micros: 1_000_000)
    if status != .pending && status != .refused && status != .cancelled {
      fulfilment.acceptedAt = SoukCommonV1.Timestamp(micros: 2_000_000)
    }
    if [.shipped, .delivered, .deliveryRefused].contains(status) {
      fulfilment.shippedAt = SoukCommonV1.Timestamp(micros: 3_000_000)
    }
    return fulfilment
  }

  /// The order with fulfilment A in `a` and B in `b`; CANCELLED when either is.
  static func order(_ a: SoukOrdersV1.FulfilmentStatus, _ b: SoukOrdersV1.FulfilmentStatus) -> SoukOrdersV1.Order {
    var order = SoukOrdersV1.Order()
    order.id = "ord_1"
    order.partnerId = Self.partnerID
    order.partnerOrderReference = "R-1"
    order.paymentMethod = .cashOnDelivery
    order.lines = [
      Self.line(
        0, product: "prd_a1", cooperative: Self.cooperativeA, fulfilment: Self.fulfilmentA, quantity: 2, price: 1000),
      Self.line(
        1, product: "prd_b", cooperative: Self.cooperativeB, fulfilment: Self.fulfilmentB, quantity: 3, price: 200),
      Self.line(
        2, product: "prd_a2", cooperative: Self.cooperativeA, fulfilment: Self.fulfilmentA, quantity: 1, price: 500),
    ]
    order.fulfilments = [
      Self.fulfilment(Self.fulfilmentA, cooperative: Self.cooperativeA, status: a, goods: 2500),
      Self.fulfilment(Self.fulfilmentB, cooperative: Self.cooperativeB, status: b, goods: 600),
    ]
    order.status = FulfilmentStateMachine.derivedStatus(of: [a, b], cancelled: a == .cancelled || b == .cancelled)
    order.totals = try? OrderAmounts.totals(of: order)
    order.createdAt = SoukCommonV1.Timestamp(micros: 1_000_000)
    order.updatedAt = SoukCommonV1.Timestamp(micros: 3_000_000)
    return order
  }

  /// Every status an existing fulfilment can have.
  static let statuses: [SoukOrdersV1.FulfilmentStatus] = [
    .pending, .accepted, .refused, .shipped, .delivered, .deliveryRefused, .cancelled,
  ]

  /// The stock fulfilment A's lines put back.
  static let releasesA: [String: Int64] = ["prd_a1": 2, "prd_a2": 1]
  /// The stock fulfilment B's line puts back.
  static let releasesB: [String: Int64] = ["prd_b": 3]
}
