import PostgresNIO
import SoukAPI
import SoukStore

/// The `orders` table with its index tables, and the history (`order_events`) with its fulfilment-feed entries.
enum OrderTable {
  /// The order with this id, or nil; `lock` says how to lock its row.
  static func fetch(id: String, lock: RowLock = .none, _ session: SQLSession) async throws -> SoukOrdersV1.Order? {
    try await session.bodies(SoukOrdersV1.Order.self, "SELECT body FROM orders WHERE id = ?\(lock.clause)", [id]).first
  }

  /// The order with this id.
  ///
  /// - Throws: ``StoreError/notFound(_:id:)`` when there is none.
  static func require(id: String, lock: RowLock = .none, _ session: SQLSession) async throws -> SoukOrdersV1.Order {
    guard let order = try await fetch(id: id, lock: lock, session) else { throw StoreError.notFound(.order, id: id) }
    return order
  }

  /// The id of the partner's order with this reference, or nil.
  static func orderID(partnerID: String, reference: String, _ session: SQLSession) async throws -> String? {
    try await session.rows("SELECT id FROM orders WHERE partner_id = ? AND reference = ?", [partnerID, reference])
      .first?.value(String.self)
  }

  /// Inserts a new order with its line and fulfilment rows.
  static func insert(_ order: SoukOrdersV1.Order, _ session: SQLSession) async throws {
    try await session.execute(StoreRows.order(order).insert)
    for productID in Set(order.lines.map(\.productId)).sorted() {
      try await session.execute("INSERT INTO order_lines (order_id, product_id) VALUES (?, ?)", [order.id, productID])
    }
    for row in StoreRows.fulfilments(of: order) {
      try await session.execute(row.insert)
    }
  }

  /// Rewrites the order's row and its fulfilment rows (the lines of an order never change).
  static func update(_ order: SoukOrdersV1.Order, _ session: SQLSession) async throws {
    try await session.execute(StoreRows.order(order).update())
    try await session.execute("DELETE FROM order_fulfilments WHERE order_id = ?", [order.id])
    for row in StoreRows.fulfilments(of: order) {
      try await session.execute(row.insert)
    }
  }

  /// Appends `events` to the order's history, numbered after its last event (`last`, nil to read it), and
  /// returns them as numbered. Their fulfilment-feed entries are written by ``appendFeedEntries(for:of:_:)``, last
  /// in the transaction, when the feed counter is taken.
  static func appendEvents(
    _ events: [SoukOrdersV1.OrderEvent],
    to order: SoukOrdersV1.Order,
    after last: UInt32? = nil,
    _ session: SQLSession
  ) async throws -> [SoukOrdersV1.OrderEvent] {
    var numberedAfter = last ?? 0
    if last == nil {
      let stored =
        try await session.rows("SELECT MAX(event_number) FROM order_events WHERE order_id = ?", [order.id]).first?
        .value(Int64?.self) ?? 0
      numberedAfter = UInt32(stored)
    }
    let numbered = OrderRules.numbered(events, after: numberedAfter)
    for event in numbered {
      try await session.execute(StoreRows.orderEvent(event, orderID: order.id).insert)
    }
    return numbered
  }

  /// Writes the fulfilment-feed entry of each of `events` that has one, each with the next feed sequence taken
  /// in the same statement (one round trip while the counter's lock is held).
  static func appendFeedEntries(
    for events: [SoukOrdersV1.OrderEvent],
    of order: SoukOrdersV1.Order,
    _ session: SQLSession
  ) async throws {
    for event in events {
      guard let entry = OrderRules.feedEntry(for: event, of: order) else { continue }
      try await session.execute(
        """
        WITH next AS (UPDATE feed_state SET sequence = sequence + 1 WHERE id = 1 RETURNING sequence)
        INSERT INTO fulfilment_feed (sequence, kind, order_id, cooperative_id, partner_id, event_number)
        SELECT sequence, ?, ?, ?, ?, ? FROM next
        """,
        [entry.kind.rawValue, order.id, entry.cooperativeID, order.partnerId, event.eventNumber]
      )
    }
  }
}
