package import SoukAPI

/// The money arithmetic of orders, in MAD centimes with checked `Int64` operations: an overflow is a refusal
/// (`INVALID_ARGUMENT`), never a wrapped amount.
package enum OrderAmounts {
  /// `a + b`; throws `INVALID_ARGUMENT` on overflow.
  package static func add(_ a: Int64, _ b: Int64) throws(MarketError) -> Int64 {
    let (sum, overflow) = a.addingReportingOverflow(b)
    if overflow { throw Self.overflow() }
    return sum
  }

  /// `a - b`; throws `INVALID_ARGUMENT` on overflow.
  package static func subtract(_ a: Int64, _ b: Int64) throws(MarketError) -> Int64 {
    let (difference, overflow) = a.subtractingReportingOverflow(b)
    if overflow { throw Self.overflow() }
    return difference
  }

  /// `a * b`; throws `INVALID_ARGUMENT` on overflow.
  package static func multiply(_ a: Int64, _ b: Int64) throws(MarketError) -> Int64 {
    let (product, overflow) = a.multipliedReportingOverflow(by: b)
    if overflow { throw Self.overflow() }
    return product
  }

  /// The sum of `values`; throws `INVALID_ARGUMENT` on overflow.
  package static func sum(_ values: some Sequence<Int64>) throws(MarketError) -> Int64 {
    var total: Int64 = 0
    for value in values { total = try Self.add(total, value) }
    return total
  }

  /// Whether a fulfilment in `status` still counts towards what the customer owes (not REFUSED, CANCELLED or
  /// DELIVERY_REFUSED).
  package static func isPayable(_ status: SoukOrdersV1.FulfilmentStatus) -> Bool {
    switch status {
    case .refused, .cancelled, .deliveryRefused: false
    default: true
    }
  }

  /// The totals of `order` as stored: placed over every line, payable over the lines of payable fulfilments,
  /// collected over every payment, outstanding the difference.
  package static func totals(of order: SoukOrdersV1.Order) throws(MarketError) -> SoukOrdersV1.OrderTotals {
    let payableFulfilments = Set(order.fulfilments.filter { Self.isPayable($0.status) }.map(\.id))
    let placed = try Self.sum(order.lines.map { $0.lineTotal?.amountMinor ?? 0 })
    let payable = try Self.sum(
      order.lines.filter { payableFulfilments.contains($0.fulfilmentId) }.map { $0.lineTotal?.amountMinor ?? 0 }
    )
    let collected = try Self.sum(order.payments.map { $0.amount?.amountMinor ?? 0 })
    return try Self.totals(placed: placed, payable: payable, collected: collected)
  }

  /// Totals from their three sums.
  package static func totals(placed: Int64, payable: Int64, collected: Int64) throws(MarketError)
    -> SoukOrdersV1.OrderTotals
  {
    var totals = SoukOrdersV1.OrderTotals()
    totals.placedTotal = SoukCommonV1.Money.mad(placed)
    totals.payableTotal = SoukCommonV1.Money.mad(payable)
    totals.collectedTotal = SoukCommonV1.Money.mad(collected)
    totals.outstandingTotal = SoukCommonV1.Money.mad(try Self.subtract(payable, collected))
    return totals
  }

  private static func overflow() -> MarketError {
    MarketError.invalid(field: "lines", "the amounts are too large to add up")
  }
}
