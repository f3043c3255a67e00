import Foundation
import GRDB
import SoukAPI
import SoukStore

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
    try db.execute(StoreRows.order(order).insert)
    for productID in Set(order.lines.map(\.productId)).sorted() {
      try db.execute(
        sql: "INSERT INTO order_lines (order_id, product_id) VALUES (?, ?)",
        arguments: [order.id, productID]
      )
    }
    try writeFulfilments(order, db)
  }

  /// Rewrites the order's row and its fulfilment rows (the lines of an order never change).
  static func update(_ order: SoukOrdersV1.Order, _ db: Database) throws {
    try db.execute(StoreRows.order(order).update())
    try db.execute(sql: "DELETE FROM order_fulfilments WHERE order_id = ?", arguments: [order.id])
    try writeFulfilments(order, db)
  }

  /// The index rows of the order's fulfilments.
  private static func writeFulfilments(_ order: SoukOrdersV1.Order, _ db: Database) throws {
    for row in StoreRows.fulfilments(of: order) {
      try db.execute(row.insert)
    }
  }
}
