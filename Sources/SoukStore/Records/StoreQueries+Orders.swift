import SoukAPI

extension StoreQueries {
  /// `SELECT o.body` of the orders matching `query`, newest or oldest first (by `created_at`, then id), after
  /// `position`.
  package static func orders(_ query: OrderQuery, after position: ListPosition?, limit: Int) -> SQLStatement {
    var filter = SQLFilter()
    filter.add("o.status", in: query.statuses.map(\.rawValue))
    if !query.fulfilmentStatuses.isEmpty {
      var condition = """
        EXISTS (SELECT 1 FROM order_fulfilments f WHERE f.order_id = o.id
          AND f.status IN (\(SQLFilter.placeholders(query.fulfilmentStatuses.count)))
        """
      var values: [any SQLValueConvertible] = query.fulfilmentStatuses.map(\.rawValue)
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
    return SQLStatement(sql: sql, values: filter.arguments + [.integer(Int64(limit))])
  }

  /// The facts of the totals: `fulfilments` selects one row per fulfilment of the orders placed in the query's
  /// range (`order_id`, `fulfilment_id`, `cooperative_id`, `status`, `created_at`, `goods_total_minor`,
  /// `collected_minor`); `orderPayments`, nil when the query names a cooperative, one row per order with payments
  /// of the whole order (`id`, `created_at`, `order_collected_minor`).
  package static func fulfilmentFacts(_ query: FulfilmentFactQuery) -> (
    fulfilments: SQLStatement, orderPayments: SQLStatement?
  ) {
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
    guard query.cooperativeID == nil else {
      return (SQLStatement(sql: fulfilmentSQL, values: fulfilments.arguments), nil)
    }
    var orderPayments = filter
    orderPayments.add("o.order_collected_minor > 0")
    let orderPaymentSQL = """
      SELECT o.id, o.created_at, o.order_collected_minor FROM orders o \(orderPayments.whereClause)
      ORDER BY o.created_at, o.id
      """
    return (
      SQLStatement(sql: fulfilmentSQL, values: fulfilments.arguments),
      SQLStatement(sql: orderPaymentSQL, values: orderPayments.arguments)
    )
  }

  /// Fulfilment-feed entries after `sequence` with their history entry, in order: columns `sequence`, `kind`,
  /// `order_id`, `cooperative_id`, `partner_id`, `body`.
  package static func fulfilmentFeed(
    after sequence: UInt64,
    cooperativeID: String?,
    partnerID: String?,
    limit: Int
  ) -> SQLStatement {
    var filter = SQLFilter()
    filter.add("feed.sequence > ?", [Int64(bitPattern: sequence)])
    if let cooperativeID { filter.add("feed.cooperative_id = ?", [cooperativeID]) }
    if let partnerID { filter.add("feed.partner_id = ?", [partnerID]) }
    let sql = """
      SELECT feed.sequence, feed.kind, feed.order_id, feed.cooperative_id, feed.partner_id, ev.body
      FROM fulfilment_feed feed
      JOIN order_events ev ON ev.order_id = feed.order_id AND ev.event_number = feed.event_number
      \(filter.whereClause)
      ORDER BY feed.sequence LIMIT ?
      """
    return SQLStatement(sql: sql, values: filter.arguments + [.integer(Int64(limit))])
  }
}
