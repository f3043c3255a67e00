import PostgresNIO
public import SoukAPI
public import SoukStore

extension PostgresMarketStore {
  /// Places an order in one transaction: idempotency first (a retry returns the order the key placed), the
  /// reference check, the products locked in id order for `build`, the reservations, then the order with its
  /// history and feed entries.
  public func placeOrder(
    partnerID: String,
    reference: String,
    productIDs: [String],
    context: WriteContext,
    _ build: @Sendable (OrderPlacementInput) throws -> OrderPlacement
  ) async throws -> SoukOrdersV1.Order {
    try await write { session in
      if let replayed = try await IdempotencyTable.replayedResource(context, session) {
        return WriteResult(try await OrderTable.require(id: replayed, session), notifies: false)
      }
      if let existing = try await OrderTable.orderID(partnerID: partnerID, reference: reference, session) {
        throw StoreError.orderReferenceAlreadyUsed(orderID: existing)
      }
      let products = try await ProductTable.lock(ids: productIDs, session)
      var cooperatives: [String: SoukCatalogV1.Cooperative] = [:]
      for cooperativeID in Set(products.values.map(\.cooperativeId)).sorted() {
        cooperatives[cooperativeID] = try await CooperativeTable.fetch(id: cooperativeID, session)
      }
      let placement = try build(OrderPlacementInput(products: products, cooperatives: cooperatives))
      let order = placement.order
      // The rows that take no counter first: the counters' row locks, which every catalog or feed write of every
      // instance waits for, are held only for the last statements and the commit.
      try await OrderTable.insert(order, session)
      let events = try await OrderTable.appendEvents(placement.events, to: order, after: 0, session)
      try await IdempotencyTable.record(context, resourceID: order.id, session)
      try await AuditTable.append(context, target: "order:\(order.id)", session)
      for (productID, quantity) in placement.reservations.sorted(by: { $0.key < $1.key }) {
        guard let product = products[productID], let cooperative = cooperatives[product.cooperativeId] else {
          throw StoreError.notFound(.product, id: productID)
        }
        try await ProductTable.adjustStock(of: product, cooperative: cooperative, by: -quantity, context.time, session)
      }
      try await OrderTable.appendFeedEntries(for: events, of: order, session)
      return WriteResult(order, notifies: true)
    }
  }

  /// Applies `change` to the locked order: the new value, the stock it releases (products locked in id order),
  /// its history and feed entries.
  public func updateOrder(
    id: String,
    context: WriteContext,
    _ change: @Sendable (inout SoukOrdersV1.Order) throws -> OrderChange
  ) async throws -> SoukOrdersV1.Order {
    try await write { session in
      if let replayed = try await IdempotencyTable.replayedResource(context, session) {
        return WriteResult(try await OrderTable.require(id: replayed, session), notifies: false)
      }
      let old = try await OrderTable.require(id: id, lock: .update, session)
      var order = old
      let effects = try change(&order)
      order.id = old.id
      try await IdempotencyTable.record(context, resourceID: id, session)
      guard order != old || !effects.events.isEmpty || !effects.releases.isEmpty else {
        return WriteResult(old, notifies: false)
      }
      let products = try await ProductTable.lock(ids: Array(effects.releases.keys), session)
      try await OrderTable.update(order, session)
      let events = try await OrderTable.appendEvents(effects.events, to: order, session)
      try await AuditTable.append(context, target: "order:\(id)", session)
      for (productID, quantity) in effects.releases.sorted(by: { $0.key < $1.key }) {
        guard let product = products[productID] else { throw StoreError.notFound(.product, id: productID) }
        let cooperative = try await CooperativeTable.require(id: product.cooperativeId, session)
        try await ProductTable.adjustStock(of: product, cooperative: cooperative, by: quantity, context.time, session)
      }
      try await OrderTable.appendFeedEntries(for: events, of: order, session)
      return WriteResult(order, notifies: true)
    }
  }

  /// The order with this id, or nil.
  public func order(id: String) async throws -> SoukOrdersV1.Order? {
    try await read { session in try await OrderTable.fetch(id: id, session) }
  }

  /// The order of this fulfilment, or nil.
  public func order(fulfilmentID: String) async throws -> SoukOrdersV1.Order? {
    try await read { session in
      try await session.bodies(
        SoukOrdersV1.Order.self,
        "SELECT o.body FROM orders o JOIN order_fulfilments f ON f.order_id = o.id WHERE f.fulfilment_id = ?",
        [fulfilmentID]
      ).first
    }
  }

  /// The partner's order with this reference, or nil.
  public func order(partnerID: String, reference: String) async throws -> SoukOrdersV1.Order? {
    try await read { session in
      try await session.bodies(
        SoukOrdersV1.Order.self,
        "SELECT body FROM orders WHERE partner_id = ? AND reference = ?",
        [partnerID, reference]
      ).first
    }
  }

  /// The order's history, by event number.
  public func orderHistory(orderID: String) async throws -> [SoukOrdersV1.OrderEvent] {
    try await read { session in
      try await session.bodies(
        SoukOrdersV1.OrderEvent.self,
        "SELECT body FROM order_events WHERE order_id = ? ORDER BY event_number",
        [orderID]
      )
    }
  }

  /// Orders matching `query`, in its order, after `position`.
  public func listOrders(
    _ query: OrderQuery,
    after position: ListPosition?,
    limit: Int
  ) async throws -> [SoukOrdersV1.Order] {
    let statement = StoreQueries.orders(query, after: position, limit: limit)
    return try await read { session in try await session.bodies(SoukOrdersV1.Order.self, statement) }
  }

  /// One fact per fulfilment of the orders placed in the query's range, and one per order with payments of the
  /// whole order (unless the query names a cooperative).
  public func fulfilmentFacts(_ query: FulfilmentFactQuery) async throws -> [FulfilmentFact] {
    let statements = StoreQueries.fulfilmentFacts(query)
    return try await read { session in
      var facts = try await session.rows(statements.fulfilments).map { row in
        FulfilmentFact(
          orderID: try row.value(String.self, "order_id"),
          fulfilmentID: try row.value(String.self, "fulfilment_id"),
          cooperativeID: try row.value(String.self, "cooperative_id"),
          status: SoukOrdersV1.FulfilmentStatus(rawValue: Int32(try row.value(Int64.self, "status"))),
          orderCreatedAtMicros: try row.value(Int64.self, "created_at"),
          goodsTotalMinor: try row.value(Int64.self, "goods_total_minor"),
          collectedMinor: try row.value(Int64.self, "collected_minor")
        )
      }
      if let orderPayments = statements.orderPayments {
        facts += try await session.rows(orderPayments).map { row in
          FulfilmentFact(
            orderID: try row.value(String.self, "id"),
            fulfilmentID: "",
            cooperativeID: "",
            status: .unspecified,
            orderCreatedAtMicros: try row.value(Int64.self, "created_at"),
            goodsTotalMinor: 0,
            collectedMinor: try row.value(Int64.self, "order_collected_minor")
          )
        }
      }
      return facts
    }
  }

  /// The newest fulfilment-feed sequence committed.
  public func currentFeedSequence() async throws -> UInt64 {
    try await read { session in try await Counters.currentFeedSequence(session) }
  }

  /// Feed entries after `sequence`, in order, at most `limit`, of `cooperativeID` and `partnerID` when given.
  public func fulfilmentFeed(
    after sequence: UInt64,
    cooperativeID: String?,
    partnerID: String?,
    limit: Int
  ) async throws -> [FeedRecord] {
    let statement = StoreQueries.fulfilmentFeed(
      after: sequence,
      cooperativeID: cooperativeID,
      partnerID: partnerID,
      limit: limit
    )
    return try await read { session in
      try await session.rows(statement).map { row in
        FeedRecord(
          sequence: UInt64(bitPattern: try row.value(Int64.self, "sequence")),
          kind: SoukOrdersV1.FulfilmentFeedEventKind(rawValue: Int32(try row.value(Int64.self, "kind"))),
          orderID: try row.value(String.self, "order_id"),
          cooperativeID: try row.value(String.self, "cooperative_id"),
          partnerID: try row.value(String.self, "partner_id"),
          event: try row.message(SoukOrdersV1.OrderEvent.self, "body")
        )
      }
    }
  }
}
