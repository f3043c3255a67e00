import PostgresNIO
public import SoukAPI
public import SoukStore

extension PostgresMarketStore {
  /// Saves a new product with version 1 and the next revision, holding its cooperative's row (`FOR SHARE`) so
  /// that a concurrent status change cannot leave its `orderable` stale.
  public func insertProduct(_ product: SoukCatalogV1.Product, context: WriteContext) async throws
    -> SoukCatalogV1.Product
  {
    try await write { session in
      if let id = try await IdempotencyTable.replayedResource(context, session) {
        return WriteResult(try await ProductTable.require(id: id, session), notifies: false)
      }
      let cooperative = try await CooperativeTable.require(id: product.cooperativeId, lock: .share, session)
      let saved = try await ProductTable.insert(product, cooperative: cooperative, session)
      try await IdempotencyTable.record(context, resourceID: saved.id, session)
      try await AuditTable.append(context, target: "product:\(saved.id)", session)
      return WriteResult(saved, notifies: true)
    }
  }

  /// Applies `change` to the product, locked after its cooperative (`FOR SHARE`), as a status change of the
  /// cooperative locks them.
  public func updateProduct(
    id: String,
    context: WriteContext,
    _ change: @Sendable (inout SoukCatalogV1.Product) throws -> Void
  ) async throws -> SoukCatalogV1.Product {
    try await write { session in
      if let replayed = try await IdempotencyTable.replayedResource(context, session) {
        return WriteResult(try await ProductTable.require(id: replayed, session), notifies: false)
      }
      let cooperativeID = try await ProductTable.require(id: id, session).cooperativeId
      let cooperative = try await CooperativeTable.require(id: cooperativeID, lock: .share, session)
      let old = try await ProductTable.require(id: id, lock: .update, session)
      var changed = old
      try change(&changed)
      try await IdempotencyTable.record(context, resourceID: id, session)
      guard
        let saved = try await ProductTable.update(
          old: old,
          to: changed,
          cooperative: cooperative,
          time: context.time,
          session
        )
      else { return WriteResult(old, notifies: false) }
      try await AuditTable.append(context, target: "product:\(id)", session)
      return WriteResult(saved, notifies: true)
    }
  }

  /// The product with this id, or nil.
  public func product(id: String) async throws -> SoukCatalogV1.Product? {
    try await read { session in try await ProductTable.fetch(id: id, session) }
  }

  /// The cooperative's product with this SKU (ASCII case ignored), or nil.
  public func product(cooperativeID: String, sku: String) async throws -> SoukCatalogV1.Product? {
    try await read { session in try await ProductTable.fetch(cooperativeID: cooperativeID, sku: sku, session) }
  }

  /// Products matching `query`, in its order, after `position`.
  public func listProducts(
    _ query: ProductQuery,
    after position: ProductPosition?,
    limit: Int
  ) async throws -> [SoukCatalogV1.Product] {
    let statement = StoreQueries.products(query, after: position, limit: limit)
    return try await read { session in try await session.bodies(SoukCatalogV1.Product.self, statement) }
  }

  /// The newest catalog revision committed.
  public func currentCatalogRevision() async throws -> UInt64 {
    try await read { session in try await Counters.currentRevision(session) }
  }

  /// Products and cooperatives whose latest change is after `revision`, by revision.
  public func catalogChanges(
    after revision: UInt64,
    cooperativeIDs: [String],
    limit: Int
  ) async throws -> [CatalogRecord] {
    let statement = StoreQueries.catalogChanges(after: revision, cooperativeIDs: cooperativeIDs, limit: limit)
    return try await read { session in
      try await session.rows(statement).map { row in
        if try row.value(String.self, "kind") == "product" {
          return .product(
            try row.message(SoukCatalogV1.Product.self, "body"),
            createdRevision: UInt64(bitPattern: try row.value(Int64.self, "created_revision")),
            stockOnly: try row.value(Bool.self, "stock_only")
          )
        }
        return .cooperative(try row.message(SoukCatalogV1.Cooperative.self, "body"))
      }
    }
  }
}
