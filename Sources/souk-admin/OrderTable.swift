import SoukAPI
import SoukMarket
import SoukTools

/// The orders of `orders list` as a table: one row per order, amounts right-aligned in MAD, times in Morocco's.
struct OrderTable {
  private(set) var table = TextTable(columns: [
    .init("ORDER"),
    .init("PLACED (Casablanca)"),
    .init("REFERENCE", maximumWidth: 24),
    .init("PARTNER"),
    .init("CUSTOMER", maximumWidth: 28),
    .init("CITY", maximumWidth: 18),
    .init("STATUS"),
    .init("PAYMENT"),
    .init("PAYABLE", alignment: .right),
    .init("OUTSTANDING", alignment: .right),
  ])

  /// Adds one order's row.
  mutating func append(_ order: SoukOrdersV1.Order) {
    self.table.append([
      order.id,
      MoroccoTime.format(order.createdAt),
      order.partnerOrderReference,
      order.partnerId,
      order.customer?.name ?? "",
      order.customer?.deliveryAddress?.city ?? "",
      EnumName.kebab(order.status),
      EnumName.kebab(order.paymentMethod),
      MoneyText.format(order.totals?.payableTotal),
      MoneyText.format(order.totals?.outstandingTotal),
    ])
  }
}
