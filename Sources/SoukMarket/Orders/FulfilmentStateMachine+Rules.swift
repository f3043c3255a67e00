import SoukAPI
import SoukRPC
import SoukStore

extension FulfilmentStateMachine {
  /// Throws `PERMISSION_DENIED` unless the caller's kind is one of `allowed`.
  func requireRole(
    _ caller: Caller,
    allowed: Set<SoukCommonV1.PrincipalKind>,
    _ what: String
  ) throws(MarketError) {
    guard allowed.contains(caller.principal.kind) else {
      throw MarketError(.permissionDenied, .unspecified, "a \(caller.principal.kind) may not \(what)")
    }
  }

  /// The index of fulfilment `id`; `NOT_FOUND` when the order has none or the caller is a cooperative that
  /// does not own it.
  func fulfilmentIndex(_ id: String, caller: Caller) throws(MarketError) -> Int {
    guard let index = self.order.fulfilments.firstIndex(where: { $0.id == id }),
      caller.principal.kind != .cooperative
        || self.order.fulfilments[index].cooperativeId == caller.principal.id
    else {
      throw MarketError.notFound("fulfilment", id: id)
    }
    return index
  }

  /// Moves fulfilment `index` to `target` when its status is one of `from`, recording the change; otherwise
  /// throws `INVALID_TRANSITION`.
  mutating func move(
    _ index: Int,
    from: Set<SoukOrdersV1.FulfilmentStatus>,
    to target: SoukOrdersV1.FulfilmentStatus,
    step: inout LifecycleStep
  ) throws(MarketError) {
    let current = self.order.fulfilments[index].status
    guard from.contains(current) else {
      throw MarketError.invalidTransition(
        from: current,
        to: target,
        "fulfilment \(self.order.fulfilments[index].id) is \(current) and cannot become \(target)"
      )
    }
    self.set(index, to: target, step: &step)
  }

  /// Sets fulfilment `index` to `target` (with the step's reason when it ends the fulfilment) and records it.
  mutating func set(_ index: Int, to target: SoukOrdersV1.FulfilmentStatus, step: inout LifecycleStep) {
    let fulfilment = self.order.fulfilments[index]
    var change = SoukOrdersV1.FulfilmentStatusChange()
    change.fulfilmentId = fulfilment.id
    change.cooperativeId = fulfilment.cooperativeId
    change.fromStatus = fulfilment.status
    change.toStatus = target
    self.order.fulfilments[index].status = target
    self.order.fulfilments[index].updatedAt = step.time
    if [.refused, .cancelled, .deliveryRefused].contains(target) {
      self.order.fulfilments[index].reason = step.reason
    }
    step.record(.fulfilmentStatusChanged(change))
  }

  /// Puts back the quantities of fulfilment `index`'s lines.
  func release(_ index: Int, into step: inout LifecycleStep) {
    let id = self.order.fulfilments[index].id
    for line in self.order.lines where line.fulfilmentId == id {
      step.releases[line.productId, default: 0] += line.quantity
    }
  }

  /// Cancels the whole order as the schema describes: a partner only while no part has shipped, an admin while
  /// the order is not final.
  mutating func cancel(step: inout LifecycleStep) throws(MarketError) {
    let status = self.order.status
    guard [.placed, .accepted, .shipped].contains(status) else {
      throw MarketError.invalidTransition(
        from: status,
        to: SoukOrdersV1.OrderStatus.cancelled,
        "order \(self.order.id) is \(status) and cannot be cancelled"
      )
    }
    let shippedOrLater: Set<SoukOrdersV1.FulfilmentStatus> = [.shipped, .delivered, .deliveryRefused]
    if step.caller.principal.kind != .admin,
      self.order.fulfilments.contains(where: { shippedOrLater.contains($0.status) })
    {
      throw MarketError(
        .permissionDenied,
        .unspecified,
        "a part of order \(self.order.id) has shipped: only an admin may cancel it now"
      )
    }
    for index in self.order.fulfilments.indices {
      switch self.order.fulfilments[index].status {
      case .pending, .accepted:
        self.set(index, to: .cancelled, step: &step)
        self.release(index, into: &step)
      case .shipped:
        self.set(index, to: .cancelled, step: &step)
      default:
        break
      }
    }
    self.order.status = .cancelled
  }

  /// Throws `INVALID_ARGUMENT` on `field` when `time` is before `earlier` (the `what` step's time).
  static func requireNotBefore(
    _ time: SoukCommonV1.Timestamp,
    _ earlier: SoukCommonV1.Timestamp?,
    field: String,
    _ what: String
  ) throws(MarketError) {
    if let earlier, time.micros < earlier.micros {
      throw MarketError.invalid(field: field, "must not be before the \(what)")
    }
  }

  /// Derives the order's status, records its change from `before`, recomputes the totals and sets `updated_at`.
  mutating func finish(from before: SoukOrdersV1.OrderStatus, step: inout LifecycleStep) throws(MarketError) {
    let after = Self.derivedStatus(
      of: self.order.fulfilments.map(\.status),
      cancelled: self.order.status == .cancelled
    )
    self.order.status = after
    if before != after {
      var change = SoukOrdersV1.OrderStatusChange()
      change.fromStatus = before
      change.toStatus = after
      step.record(.orderStatusChanged(change))
    }
    self.order.totals = try OrderAmounts.totals(of: self.order)
    self.order.updatedAt = step.time
  }
}
