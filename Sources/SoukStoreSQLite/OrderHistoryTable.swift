import Foundation
import GRDB
import SoukAPI
import SoukStore

/// The `order_events` table (each order's numbered history) and the `fulfilment_feed` entries its events cause.
enum OrderHistoryTable {
  /// Appends `events` to the order's history, numbered after its last event, with a feed entry for each one
  /// that changes a fulfilment's status (CREATED from no status, else STATUS_CHANGED) or records a payment.
  /// Returns the events as numbered.
  @discardableResult
  static func append(
    _ events: [SoukOrdersV1.OrderEvent],
    to order: SoukOrdersV1.Order,
    _ db: Database
  ) throws -> [SoukOrdersV1.OrderEvent] {
    let last =
      try Int64.fetchOne(
        db,
        sql: "SELECT MAX(event_number) FROM order_events WHERE order_id = ?",
        arguments: [order.id]
      ) ?? 0
    let numbered = OrderRules.numbered(events, after: UInt32(last))
    for event in numbered {
      try db.execute(StoreRows.orderEvent(event, orderID: order.id).insert)
      if let entry = OrderRules.feedEntry(for: event, of: order) {
        try db.execute(
          sql: """
            INSERT INTO fulfilment_feed (kind, order_id, cooperative_id, partner_id, event_number)
            VALUES (?, ?, ?, ?, ?)
            """,
          arguments: [entry.kind.rawValue, order.id, entry.cooperativeID, order.partnerId, event.eventNumber]
        )
      }
    }
    return numbered
  }

  /// The order's history, by event number.
  static func events(orderID: String, _ db: Database) throws -> [SoukOrdersV1.OrderEvent] {
    try Data.fetchAll(
      db,
      sql: "SELECT body FROM order_events WHERE order_id = ? ORDER BY event_number",
      arguments: [orderID]
    ).map { try RecordCodec.decode(SoukOrdersV1.OrderEvent.self, from: $0) }
  }
}
