import Foundation
import GRDB
import SoukAPI

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
    var numbered: [SoukOrdersV1.OrderEvent] = []
    for (offset, event) in events.enumerated() {
      var event = event
      event.eventNumber = UInt32(last) + UInt32(offset) + 1
      try db.execute(
        sql: "INSERT INTO order_events (order_id, event_number, body) VALUES (?, ?, ?)",
        arguments: [order.id, event.eventNumber, RecordCodec.encode(event)]
      )
      if let (kind, cooperativeID) = feedEntry(for: event, of: order) {
        try db.execute(
          sql: """
            INSERT INTO fulfilment_feed (kind, order_id, cooperative_id, partner_id, event_number)
            VALUES (?, ?, ?, ?, ?)
            """,
          arguments: [kind.rawValue, order.id, cooperativeID, order.partnerId, event.eventNumber]
        )
      }
      numbered.append(event)
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

  /// The feed kind and cooperative of an event's feed entry, or nil for an event that has none (an order-level
  /// status change).
  private static func feedEntry(
    for event: SoukOrdersV1.OrderEvent,
    of order: SoukOrdersV1.Order
  ) -> (SoukOrdersV1.FulfilmentFeedEventKind, String)? {
    switch event.change {
    case .fulfilmentStatusChanged(let change):
      let kind: SoukOrdersV1.FulfilmentFeedEventKind = change.fromStatus == .unspecified ? .created : .statusChanged
      let cooperativeID =
        order.fulfilments.first { $0.id == change.fulfilmentId }?.cooperativeId ?? change.cooperativeId
      return (kind, cooperativeID)
    case .paymentRecorded(let payment):
      let cooperativeID =
        payment.fulfilmentId.isEmpty
        ? "" : order.fulfilments.first { $0.id == payment.fulfilmentId }?.cooperativeId ?? ""
      return (.paymentRecorded, cooperativeID)
    case .orderStatusChanged, nil:
      return nil
    }
  }
}
