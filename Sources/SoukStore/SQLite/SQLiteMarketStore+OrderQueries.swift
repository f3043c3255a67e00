import Foundation
import GRDB
public import SoukAPI

extension SQLiteMarketStore {
  /// Orders matching `query`, newest or oldest first (by `created_at`, then id), after `position`.
  public func listOrders(
    _ query: OrderQuery,
    after position: ListPosition?,
    limit: Int
  ) async throws -> [SoukOrdersV1.Order] {
    var filter = SQLFilter()
    filter.add("o.status", in: query.statuses.map(\.rawValue))
    if !query.fulfilmentStatuses.isEmpty {
      var condition = """
        EXISTS (SELECT 1 FROM order_fulfilments f WHERE f.order_id = o.id
          AND f.status IN (\(SQLFilter.placeholders(query.fulfilmentStatuses.count)))
        """
      var values: [any DatabaseValueConvertible] = query.fulfilmentStatuses.map(\.rawValue)
      if let cooperativeID = query.cooperativeID {
        condition += " AND f.cooperative_id = ?"
        values.append(cooperativeID)
      }
      filter.add(condition + ")", values)
    }
    if let cooperativeID = query.cooperativeID {
      filter.add(
        "EXISTS (SELECT 1 FROM order_fulfilments f WHERE f.order_id = o.id AND f.cooperative_id = ?)",
        [cooperativeID]
      )
    }
    if let partnerID = query.partnerID { filter.add("o.partner_id = ?", [partnerID]) }
    if let from = query.createdFromMicros { filter.add("o.created_at >= ?", [from]) }
    if let before = query.createdBeforeMicros { filter.add("o.created_at < ?", [before]) }
    if let reference = query.partnerOrderReference { filter.add("o.reference = ?", [reference]) }
    filter.add("o.payment_method", in: query.paymentMethods.map(\.rawValue))
    if let productID = query.productID {
      filter.add("EXISTS (SELECT 1 FROM order_lines l WHERE l.order_id = o.id AND l.product_id = ?)", [productID])
    }
    filter.add("o.delivery_region", in: query.deliveryRegions.map(\.rawValue))
    for word in query.customerQueryWords {
      let escaped = SQLFilter.escapeLike(word)
      if !word.isEmpty && word.allSatisfy(\.isASCIIDigit) {
        filter.add(
          "(o.search LIKE ? ESCAPE '\\' OR o.phone_digits LIKE ? ESCAPE '\\')",
          ["% " + escaped + "%", "%" + escaped + "%"]
        )
      } else {
        filter.add("o.search LIKE ? ESCAPE '\\'", ["% " + escaped + "%"])
      }
    }
    if let digits = query.customerPhoneDigits {
      filter.add("o.phone_digits LIKE ? ESCAPE '\\'", ["%" + SQLFilter.escapeLike(digits) + "%"])
    }
    if let hasOutstanding = query.hasOutstanding {
      filter.add(hasOutstanding ? "o.outstanding_minor > 0" : "o.outstanding_minor <= 0")
    }
    if let position {
      let comparison = query.newestFirst ? "<" : ">"
      filter.add("(o.created_at, o.id) \(comparison) (?, ?)", [position.createdAtMicros, position.id])
    }
    let direction = query.newestFirst ? "DESC" : "ASC"
    let sql = """
      SELECT o.body FROM orders o \(filter.whereClause)
      ORDER BY o.created_at \(direction), o.id \(direction) LIMIT ?
      """
    let arguments = filter.statementArguments([limit])
    return try await read { db in
      try Data.fetchAll(db, sql: sql, arguments: arguments).map {
        try RecordCodec.decode(SoukOrdersV1.Order.self, from: $0)
      }
    }
  }

  /// One fact per fulfilment of the orders placed in the query's range, and one per order with payments of the
  /// whole order (unless the query names a cooperative).
  public func fulfilmentFacts(_ query: FulfilmentFactQuery) async throws -> [FulfilmentFact] {
    var filter = SQLFilter()
    filter.add("o.created_at >= ?", [query.fromMicros])
    filter.add("o.created_at < ?", [query.beforeMicros])
    if let partnerID = query.partnerID { filter.add("o.partner_id = ?", [partnerID]) }
    var fulfilments = filter
    if let cooperativeID = query.cooperativeID { fulfilments.add("f.cooperative_id = ?", [cooperativeID]) }
    let fulfilmentSQL = """
      SELECT o.id AS order_id, f.fulfilment_id, f.cooperative_id, f.status, o.created_at, f.goods_total_minor,
        f.collected_minor
      FROM order_fulfilments f JOIN orders o ON o.id = f.order_id \(fulfilments.whereClause)
      ORDER BY o.created_at, o.id, f.fulfilment_id
      """
    var orderPayments = filter
    orderPayments.add("o.order_collected_minor > 0")
    let includeOrderPayments = query.cooperativeID == nil
    let fulfilmentArguments = fulfilments.statementArguments()
    let orderPaymentArguments = orderPayments.statementArguments()
    let orderPaymentSQL = """
      SELECT o.id, o.created_at, o.order_collected_minor FROM orders o \(orderPayments.whereClause)
      ORDER BY o.created_at, o.id
      """
    return try await read { db in
      var facts = try Row.fetchAll(db, sql: fulfilmentSQL, arguments: fulfilmentArguments).map { row in
        FulfilmentFact(
          orderID: row["order_id"],
          fulfilmentID: row["fulfilment_id"],
          cooperativeID: row["cooperative_id"],
          status: SoukOrdersV1.FulfilmentStatus(rawValue: row["status"]),
          orderCreatedAtMicros: row["created_at"],
          goodsTotalMinor: row["goods_total_minor"],
          collectedMinor: row["collected_minor"]
        )
      }
      if includeOrderPayments {
        let rows = try Row.fetchAll(db, sql: orderPaymentSQL, arguments: orderPaymentArguments)
        facts += rows.map { row in
          FulfilmentFact(
            orderID: row["id"],
            fulfilmentID: "",
            cooperativeID: "",
            status: .unspecified,
            orderCreatedAtMicros: row["created_at"],
            goodsTotalMinor: 0,
            collectedMinor: row["order_collected_minor"]
          )
        }
      }
      return facts
    }
  }
}
