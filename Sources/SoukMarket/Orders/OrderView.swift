package import SoukAPI

/// What of an order a caller may see: a partner its own orders, a cooperative the orders holding one of its
/// fulfilments (only its lines, fulfilment and payments, with totals over its part), an admin everything.
/// Orders a caller may not see do not exist for it (the services answer `NOT_FOUND`).
package enum OrderView {
  /// Whether `principal` may see `order` at all.
  package static func canSee(_ order: SoukOrdersV1.Order, _ principal: SoukCommonV1.Principal) -> Bool {
    switch principal.kind {
    case .admin: true
    case .partner: order.partnerId == principal.id
    case .cooperative: order.fulfilments.contains { $0.cooperativeId == principal.id }
    default: false
    }
  }

  /// `order` as `principal` may see it, or nil when it may not see it.
  package static func view(
    of order: SoukOrdersV1.Order,
    for principal: SoukCommonV1.Principal
  ) -> SoukOrdersV1.Order? {
    guard Self.canSee(order, principal) else { return nil }
    guard principal.kind == .cooperative else { return order }
    var part = order
    part.lines = order.lines.filter { $0.cooperativeId == principal.id }
    part.fulfilments = order.fulfilments.filter { $0.cooperativeId == principal.id }
    let own = Set(part.fulfilments.map(\.id))
    part.payments = order.payments.filter { own.contains($0.fulfilmentId) }
    // The part's totals; the whole order's could overflow only if its own did, so keep them on that error.
    part.totals = (try? OrderAmounts.totals(of: part)) ?? order.totals
    return part
  }

  /// The entries of `history` (of `order`) that `principal` may see: all for an admin or the order's partner;
  /// for a cooperative the order-level status changes and the entries of its own fulfilment and its payments.
  package static func history(
    _ history: [SoukOrdersV1.OrderEvent],
    of order: SoukOrdersV1.Order,
    for principal: SoukCommonV1.Principal
  ) -> [SoukOrdersV1.OrderEvent] {
    guard Self.canSee(order, principal) else { return [] }
    guard principal.kind == .cooperative else { return history }
    let own = Set(order.fulfilments.filter { $0.cooperativeId == principal.id }.map(\.id))
    return history.filter { Self.isVisible($0, ownFulfilments: own) }
  }

  /// Whether a cooperative owning `ownFulfilments` may see `event`.
  package static func isVisible(_ event: SoukOrdersV1.OrderEvent, ownFulfilments: Set<String>) -> Bool {
    switch event.change {
    case .orderStatusChanged?: true
    case .fulfilmentStatusChanged(let change)?: ownFulfilments.contains(change.fulfilmentId)
    case .paymentRecorded(let payment)?: ownFulfilments.contains(payment.fulfilmentId)
    case nil: false
    }
  }
}
