import SoukAPI
import SoukRPC
import SoukStore

extension FulfilmentStateMachine {
  /// Records `payment` as the schema's payment rules allow: a cooperative only cash on delivery for its own
  /// fulfilment; a fulfilment's payment only while it is SHIPPED or DELIVERED; an order's payment only while the
  /// order is not CANCELLED or REJECTED; never more than is outstanding (`PAYMENT_EXCEEDS_DUE`).
  mutating func record(_ payment: SoukOrdersV1.Payment, step: inout LifecycleStep) throws(MarketError) {
    let caller = step.caller
    let amount = payment.amount?.amountMinor ?? 0
    if caller.principal.kind == .cooperative {
      guard !payment.fulfilmentId.isEmpty else {
        throw MarketError(.permissionDenied, .unspecified, "a cooperative records payments for its fulfilment only")
      }
      guard payment.method == .cashOnDelivery else {
        throw MarketError(.permissionDenied, .unspecified, "a cooperative records only cash on delivery")
      }
    }
    var due = try OrderAmounts.totals(of: self.order).outstandingTotal?.amountMinor ?? 0
    if payment.fulfilmentId.isEmpty {
      let status = self.order.status
      if status == .cancelled || status == .rejected {
        throw MarketError.invalidTransition(
          from: status, "order \(self.order.id) is \(status): no payment can be recorded for it")
      }
    } else {
      let index = try self.fulfilmentIndex(payment.fulfilmentId, caller: caller)
      let fulfilment = self.order.fulfilments[index]
      guard fulfilment.status == .shipped || fulfilment.status == .delivered else {
        throw MarketError.invalidTransition(
          from: fulfilment.status,
          "fulfilment \(fulfilment.id) is \(fulfilment.status): it is paid once SHIPPED or DELIVERED")
      }
      let paid = try OrderAmounts.sum(
        self.order.payments.filter { $0.fulfilmentId == fulfilment.id }.map { $0.amount?.amountMinor ?? 0 }
      )
      due = min(due, try OrderAmounts.subtract(fulfilment.goodsTotal?.amountMinor ?? 0, paid))
    }
    guard amount <= due else {
      throw MarketError(
        .failedPrecondition,
        .paymentExceedsDue,
        "the payment of \(amount) centimes exceeds the \(max(due, 0)) centimes outstanding",
        metadata: ["outstanding_minor": String(max(due, 0))]
      )
    }
    var recorded = payment
    recorded.recordedBy = caller.principal
    recorded.recordedAt = step.time
    self.order.payments.append(recorded)
    step.record(.paymentRecorded(recorded))
  }
}
