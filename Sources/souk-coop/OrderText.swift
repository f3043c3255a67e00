import SoukAPI
import SoukMarket
import SoukTools

/// How orders are shown: the caller's fulfilment, its items, amounts in MAD and times in Morocco's civil time, as
/// souk-admin shows them.
enum OrderText {
  /// The fulfilment of the order the caller sees (a cooperative sees only its own).
  static func fulfilment(of order: SoukOrdersV1.Order, id: String? = nil) -> SoukOrdersV1.Fulfilment? {
    guard let id else { return order.fulfilments.first }
    return order.fulfilments.first { $0.id == id }
  }

  /// `2× ARG-250, 1× MIEL-1` for the lines of `fulfilment` (all lines when nil).
  static func items(of order: SoukOrdersV1.Order, fulfilment: SoukOrdersV1.Fulfilment?) -> String {
    order.lines.filter { fulfilment == nil || $0.fulfilmentId == fulfilment?.id }
      .map { "\($0.quantity)× \($0.sku)" }.joined(separator: ", ")
  }

  /// `45.50` for an amount in centimes; empty when unset.
  static func money(_ money: SoukCommonV1.Money?) -> String {
    money.map { PriceText.format(centimes: $0.amountMinor) } ?? ""
  }

  /// `2025-06-01 15:03` (Africa/Casablanca); empty when unset.
  static func time(_ timestamp: SoukCommonV1.Timestamp?) -> String {
    MoroccoTime.format(timestamp)
  }
}
