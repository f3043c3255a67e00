import Foundation
import GRDB
import SoukAPI

/// The `orders` table and its index tables `order_fulfilments` and `order_lines`.
enum OrderTable {
  /// The order with this id, or nil.
  static func fetch(id: String, _ db: Database) throws -> SoukOrdersV1.Order? {
    guard let data = try Data.fetchOne(db, sql: "SELECT body FROM orders WHERE id = ?", arguments: [id])
    else { return nil }
    return try RecordCodec.decode(SoukOrdersV1.Order.self, from: data)
  }

  /// The order with this id.
  ///
  /// - Throws: ``StoreError/notFound(_:id:)`` when there is none.
  static func require(id: String, _ db: Database) throws -> SoukOrdersV1.Order {
    guard let order = try fetch(id: id, db) else { throw StoreError.notFound(.order, id: id) }
    return order
  }

  /// The id of the partner's order with this reference, or nil.
  static func orderID(partnerID: String, reference: String, _ db: Database) throws -> String? {
    try String.fetchOne(
      db,
      sql: "SELECT id FROM orders WHERE partner_id = ? AND reference = ?",
      arguments: [partnerID, reference]
    )
  }

  /// Inserts a new order with its fulfilment and line rows.
  static func insert(_ order: SoukOrdersV1.Order, _ db: Database) throws {
    try db.execute(
      sql: """
        INSERT INTO orders (partner_id, reference, status, payment_method, delivery_region, created_at,
          outstanding_minor, order_collected_minor, search, phone_digits, body, id)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """,
      arguments: arguments(order)
    )
    for line in order.lines {
      try db.execute(
        sql: "INSERT OR IGNORE INTO order_lines (order_id, product_id) VALUES (?, ?)",
        arguments: [order.id, line.productId]
      )
    }
    try writeFulfilments(order, db)
  }

  /// Rewrites the order's row and its fulfilment rows (the lines of an order never change).
  static func update(_ order: SoukOrdersV1.Order, _ db: Database) throws {
    try db.execute(
      sql: """
        UPDATE orders SET partner_id = ?, reference = ?, status = ?, payment_method = ?, delivery_region = ?,
          created_at = ?, outstanding_minor = ?, order_collected_minor = ?, search = ?, phone_digits = ?, body = ?
        WHERE id = ?
        """,
      arguments: arguments(order)
    )
    try db.execute(sql: "DELETE FROM order_fulfilments WHERE order_id = ?", arguments: [order.id])
    try writeFulfilments(order, db)
  }

  /// The index rows of the order's fulfilments: status, goods total and what was collected against each.
  private static func writeFulfilments(_ order: SoukOrdersV1.Order, _ db: Database) throws {
    for fulfilment in order.fulfilments {
      let collected = order.payments.filter { $0.fulfilmentId == fulfilment.id }
        .reduce(Int64(0)) { $0 + ($1.amount?.amountMinor ?? 0) }
      try db.execute(
        sql: """
          INSERT INTO order_fulfilments (fulfilment_id, order_id, cooperative_id, status, goods_total_minor,
            collected_minor)
          VALUES (?, ?, ?, ?, ?, ?)
          """,
        arguments: [
          fulfilment.id, order.id, fulfilment.cooperativeId, fulfilment.status.rawValue,
          fulfilment.goodsTotal?.amountMinor ?? 0, collected,
        ]
      )
    }
  }

  /// The column values of the `orders` row, in the order of the insert and update statements, all taken from the
  /// same value.
  private static func arguments(_ order: SoukOrdersV1.Order) -> StatementArguments {
    let customer = order.customer ?? SoukOrdersV1.Customer()
    let orderCollected = order.payments.filter { $0.fulfilmentId.isEmpty }
      .reduce(Int64(0)) { $0 + ($1.amount?.amountMinor ?? 0) }
    let phoneDigits = String((customer.phone?.e164 ?? "").filter(\.isASCIIDigit))
    return [
      order.partnerId, order.partnerOrderReference, order.status.rawValue, order.paymentMethod.rawValue,
      (customer.deliveryAddress?.region ?? .unspecified).rawValue, order.createdAt.storeMicros,
      order.totals?.outstandingTotal?.amountMinor ?? 0, orderCollected,
      SearchText.index([customer.name, order.id, order.partnerOrderReference]), phoneDigits,
      RecordCodec.encode(order), order.id,
    ]
  }
}
