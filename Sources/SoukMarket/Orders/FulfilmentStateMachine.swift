package import SoukAPI
package import SoukStore

/// The order lifecycle as a value: the transition table, the derived order status and the payment rules of
/// `Protocol/souk/orders/v1/orders.souk`, applied to one order.
///
/// ``apply(_:by:at:)`` checks, in this order: that the caller may see the order and the fulfilment (else
/// `NOT_FOUND`, never telling whether it exists), that the caller's role may ever take this action or make this
/// transition (else `PERMISSION_DENIED`), and that the current status allows it (else `FAILED_PRECONDITION`,
/// `ERROR_REASON_INVALID_TRANSITION`, with `from_status`/`to_status`). A transition that exists but only for
/// another role (a partner cancelling after a part shipped) is `PERMISSION_DENIED`. On success the order is
/// changed in place (status derived, totals recomputed, `updated_at` set) and the returned ``OrderChange``
/// holds the history entries to append (fulfilment changes first, then the order's status change if any) and
/// the stock to put back. The machine does no I/O; the order service runs it inside the store's transaction.
package struct FulfilmentStateMachine: Sendable {
  /// The order as changed by the actions applied so far.
  package internal(set) var order: SoukOrdersV1.Order

  /// A machine over `order` as stored.
  package init(order: SoukOrdersV1.Order) {
    self.order = order
  }

  /// Applies `action` made by `caller` at `time`; see the type's documentation for the checks and results.
  package mutating func apply(
    _ action: FulfilmentAction,
    by caller: Caller,
    at time: SoukCommonV1.Timestamp
  ) throws(MarketError) -> OrderChange {
    guard OrderView.canSee(self.order, caller.principal) else {
      throw MarketError.notFound("order", id: self.order.id)
    }
    let statusBefore = self.order.status
    var step = LifecycleStep(caller: caller, time: time)
    switch action {
    case .accept(let id):
      try self.requireRole(caller, allowed: [.admin, .cooperative], "accept a fulfilment")
      let index = try self.fulfilmentIndex(id, caller: caller)
      try self.move(index, from: [.pending], to: .accepted, step: &step)
      self.order.fulfilments[index].acceptedAt = time
    case .refuse(let id, let reason):
      try self.requireRole(caller, allowed: [.admin, .cooperative], "refuse a fulfilment")
      let index = try self.fulfilmentIndex(id, caller: caller)
      step.reason = reason
      try self.move(index, from: [.pending, .accepted], to: .refused, step: &step)
      self.release(index, into: &step)
    case .ship(let id, let carrier, let tracking, let shippedAt):
      try self.requireRole(caller, allowed: [.admin, .cooperative], "ship a fulfilment")
      let index = try self.fulfilmentIndex(id, caller: caller)
      try self.move(index, from: [.accepted], to: .shipped, step: &step)
      try Self.requireNotBefore(shippedAt, self.order.fulfilments[index].acceptedAt, field: "shipped_at", "acceptance")
      self.order.fulfilments[index].carrier = carrier
      self.order.fulfilments[index].trackingReference = tracking
      self.order.fulfilments[index].shippedAt = shippedAt
    case .deliver(let id, let deliveredAt):
      try self.requireRole(caller, allowed: [.admin, .cooperative, .partner], "mark a delivery")
      let index = try self.fulfilmentIndex(id, caller: caller)
      try self.move(index, from: [.shipped], to: .delivered, step: &step)
      try Self.requireNotBefore(deliveredAt, self.order.fulfilments[index].shippedAt, field: "delivered_at", "shipment")
      self.order.fulfilments[index].deliveredAt = deliveredAt
    case .refuseDelivery(let id, let reason, let refusedAt):
      try self.requireRole(caller, allowed: [.admin, .cooperative, .partner], "mark a refused delivery")
      let index = try self.fulfilmentIndex(id, caller: caller)
      step.reason = reason
      try self.move(index, from: [.shipped], to: .deliveryRefused, step: &step)
      try Self.requireNotBefore(refusedAt, self.order.fulfilments[index].shippedAt, field: "refused_at", "shipment")
      self.order.fulfilments[index].deliveredAt = refusedAt
    case .cancel(let reason):
      try self.requireRole(caller, allowed: [.admin, .partner], "cancel an order")
      step.reason = reason
      try self.cancel(step: &step)
    case .recordPayment(let payment):
      try self.record(payment, step: &step)
    }
    try self.finish(from: statusBefore, step: &step)
    return OrderChange(events: step.events, releases: step.releases)
  }
}
