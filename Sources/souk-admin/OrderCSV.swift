import SoukAPI
import SoukMarket
import SoukTools

/// The CSV of `orders export`: one row per order (its lines summed up in `items`; `orders show` or `--json` give
/// every line), RFC 4180 quoting, amounts as plain decimals (`1234.50`) that spreadsheets read as numbers, times
/// in Morocco's time.
enum OrderCSV {
  /// The header row's fields.
  static let header = [
    "order_id", "placed_at", "partner_id", "partner_order_reference", "status", "payment_method", "customer_name",
    "customer_phone", "city", "region", "cooperative_ids", "fulfilment_statuses", "line_count", "items",
    "placed_total", "payable_total", "collected_total", "outstanding_total", "currency",
  ]

  /// One order's fields, in the order of ``header``.
  static func fields(_ order: SoukOrdersV1.Order) -> [String] {
    let totals = order.totals
    let items = order.lines.map { line in
      "\(line.quantity) x \(line.sku)"
    }
    return [
      order.id,
      MoroccoTime.format(order.createdAt, seconds: true),
      order.partnerId,
      order.partnerOrderReference,
      EnumName.snake(order.status),
      EnumName.snake(order.paymentMethod),
      order.customer?.name ?? "",
      order.customer?.phone?.e164 ?? "",
      order.customer?.deliveryAddress?.city ?? "",
      order.customer?.deliveryAddress.map { $0.region == .unspecified ? "" : EnumName.snake($0.region) } ?? "",
      order.fulfilments.map(\.cooperativeId).joined(separator: " "),
      order.fulfilments.map { EnumName.snake($0.status) }.joined(separator: " "),
      String(order.lines.count),
      items.joined(separator: "; "),
      self.amount(totals?.placedTotal),
      self.amount(totals?.payableTotal),
      self.amount(totals?.collectedTotal),
      self.amount(totals?.outstandingTotal),
      totals?.placedTotal?.currencyCode ?? SoukCommonV1.Money.madCurrencyCode,
    ]
  }

  /// `fields` as one CSV record ending with CRLF; a field holding a comma, quote or line break is quoted.
  static func record(_ fields: [String]) -> String {
    fields.map(self.quoted).joined(separator: ",") + "\r\n"
  }

  private static func quoted(_ field: String) -> String {
    guard field.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline }) else { return field }
    return "\"" + field.split(separator: "\"", omittingEmptySubsequences: false).joined(separator: "\"\"") + "\""
  }

  private static func amount(_ money: SoukCommonV1.Money?) -> String {
    MoneyText.decimal(centimes: money?.amountMinor ?? 0, grouping: false)
  }
}
