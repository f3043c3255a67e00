import GRDB
public import SoukAPI
public import SoukStore

extension SQLiteMarketStore {
  /// Places an order in one transaction: idempotency first (a retry returns the order the key placed), then the
  /// reference check, the products and their cooperatives for `build`, the reservations in product id order, and
  /// the order with its history and feed entries.
  public func placeOrder(
    partnerID: String,
    reference: String,
    productIDs: [String],
    context: WriteContext,
    _ build: @Sendable (OrderPlacementInput) throws -> OrderPlacement
  ) async throws -> SoukOrdersV1.Order {
    try await write { db in
      if let replayed = try IdempotencyTable.replayedResource(context, db) {
        return WriteResult(try OrderTable.require(id: replayed, db), notifies: false)
      }
      if let existing = try OrderTable.orderID(partnerID: partnerID, reference: reference, db) {
        throw StoreError.orderReferenceAlreadyUsed(orderID: existing)
      }
      var products: [String: SoukCatalogV1.Product] = [:]
      var cooperatives: [String: SoukCatalogV1.Cooperative] = [:]
      for id in Set(productIDs).sorted() {
        guard let product = try ProductTable.fetch(id: id, db) else { continue }
        products[id] = product
        if cooperatives[product.cooperativeId] == nil {
          cooperatives[product.cooperativeId] = try CooperativeTable.fetch(id: product.cooperativeId, db)
        }
      }
      let placement = try build(OrderPlacementInput(products: products, cooperatives: cooperatives))
      for (productID, quantity) in placement.reservations.sorted(by: { $0.key < $1.key }) {
        try ProductTable.adjustStock(productID: productID, by: -quantity, time: context.time, db)
      }
      let order = placement.order
      try OrderTable.insert(order, db)
      try OrderHistoryTable.append(placement.events, to: order, db)
      try IdempotencyTable.record(context, resourceID: order.id, db)
      try AuditTable.append(context, target: "order:\(order.id)", db)
      return WriteResult(order, notifies: true)
    }
  }

  /// Applies `change` to the order in one transaction: the new value, the stock it releases, its history and feed
  /// entries.
  public func updateOrder(
    id: String,
    context: WriteContext,
    _ change: @Sendable (inout SoukOrdersV1.Order) throws -> OrderChange
  ) async throws -> SoukOrdersV1.Order {
    try await write { db in
      if let replayed = try IdempotencyTable.replayedResource(context, db) {
        return WriteResult(try OrderTable.require(id: replayed, db), notifies: false)
      }
      let old = try OrderTable.require(id: id, db)
      var order = old
      let effects = try change(&order)
      order.id = old.id
      try IdempotencyTable.record(context, resourceID: id, db)
      guard order != old || !effects.events.isEmpty || !effects.releases.isEmpty else {
        return WriteResult(old, notifies: false)
      }
      try OrderTable.update(order, db)
      for (productID, quantity) in effects.releases.sorted(by: { $0.key < $1.key }) {
        try ProductTable.adjustStock(productID: productID, by: quantity, time: context.time, db)
      }
      try OrderHistoryTable.append(effects.events, to: order, db)
      try AuditTable.append(context, target: "order:\(id)", db)
      return WriteResult(order, notifies: true)
    }
  }

  /// The order with this id, or nil.
  public func order(id: String) async throws -> SoukOrdersV1.Order? {
    try await read { db in try OrderTable.fetch(id: id, db) }
  }

  /// The order of this fulfilment, or nil.
  public func order(fulfilmentID: String) async throws -> SoukOrdersV1.Order? {
    try await read { db in
      guard
        let orderID = try String.fetchOne(
          db,
          sql: "SELECT order_id FROM order_fulfilments WHERE fulfilment_id = ?",
          arguments: [fulfilmentID]
        )
      else { return nil }
      return try OrderTable.fetch(id: orderID, db)
    }
  }

  /// The partner's order with this reference, or nil.
  public func order(partnerID: String, reference: String) async throws -> SoukOrdersV1.Order? {
    try await read { db in
      guard let orderID = try OrderTable.orderID(partnerID: partnerID, reference: reference, db) else { return nil }
      return try OrderTable.fetch(id: orderID, db)
    }
  }

  /// The order's history, by event number.
  public func orderHistory(orderID: String) async throws -> [SoukOrdersV1.OrderEvent] {
    try await read { db in try OrderHistoryTable.events(orderID: orderID, db) }
  }
}
