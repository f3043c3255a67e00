import Foundation
import GRDB
public import SoukAPI
public import SoukStore

extension SQLiteMarketStore {
  /// Saves a new product with version 1, the next revision and `orderable` computed.
  public func insertProduct(_ product: SoukCatalogV1.Product, context: WriteContext) async throws
    -> SoukCatalogV1.Product
  {
    try await write { db in
      if let id = try IdempotencyTable.replayedResource(context, db) {
        return WriteResult(try ProductTable.require(id: id, db), notifies: false)
      }
      let cooperative = try CooperativeTable.require(id: product.cooperativeId, db)
      let saved = try ProductTable.insert(product, cooperative: cooperative, db)
      try IdempotencyTable.record(context, resourceID: saved.id, db)
      try AuditTable.append(context, target: "product:\(saved.id)", db)
      return WriteResult(saved, notifies: true)
    }
  }

  /// Applies `change`; a real change raises the version and takes the next revision, none writes nothing.
  public func updateProduct(
    id: String,
    context: WriteContext,
    _ change: @Sendable (inout SoukCatalogV1.Product) throws -> Void
  ) async throws -> SoukCatalogV1.Product {
    try await write { db in
      if let replayed = try IdempotencyTable.replayedResource(context, db) {
        return WriteResult(try ProductTable.require(id: replayed, db), notifies: false)
      }
      let old = try ProductTable.require(id: id, db)
      var changed = old
      try change(&changed)
      let cooperative = try CooperativeTable.require(id: old.cooperativeId, db)
      try IdempotencyTable.record(context, resourceID: id, db)
      guard let saved = try ProductTable.update(old: old, to: changed, cooperative: cooperative, time: context.time, db)
      else { return WriteResult(old, notifies: false) }
      try AuditTable.append(context, target: "product:\(id)", db)
      return WriteResult(saved, notifies: true)
    }
  }

  /// The product with this id, or nil.
  public func product(id: String) async throws -> SoukCatalogV1.Product? {
    try await read { db in try ProductTable.fetch(id: id, db) }
  }

  /// The cooperative's product with this SKU (ASCII case ignored), or nil.
  public func product(cooperativeID: String, sku: String) async throws -> SoukCatalogV1.Product? {
    try await read { db in try ProductTable.fetch(cooperativeID: cooperativeID, sku: sku, db) }
  }

  /// Products matching `query`, in its order, after `position`.
  public func listProducts(
    _ query: ProductQuery,
    after position: ProductPosition?,
    limit: Int
  ) async throws -> [SoukCatalogV1.Product] {
    let statement = StoreQueries.products(query, after: position, limit: limit)
    return try await read { db in
      try Data.fetchAll(db, sql: statement.sql, arguments: statement.arguments).map {
        try RecordCodec.decode(SoukCatalogV1.Product.self, from: $0)
      }
    }
  }

  /// The newest catalog revision.
  public func currentCatalogRevision() async throws -> UInt64 {
    try await read { db in try CatalogState.currentRevision(db) }
  }

  /// Products and cooperatives whose latest change is after `revision`, by revision.
  public func catalogChanges(
    after revision: UInt64,
    cooperativeIDs: [String],
    limit: Int
  ) async throws -> [CatalogRecord] {
    let statement = StoreQueries.catalogChanges(after: revision, cooperativeIDs: cooperativeIDs, limit: limit)
    return try await read { db in
      try Row.fetchAll(db, sql: statement.sql, arguments: statement.arguments).map { row in
        let body: Data = row["body"]
        if (row["kind"] as String) == "product" {
          let createdRevision: Int64 = row["created_revision"]
          return .product(
            try RecordCodec.decode(SoukCatalogV1.Product.self, from: body),
            createdRevision: UInt64(bitPattern: createdRevision),
            stockOnly: row["stock_only"]
          )
        }
        return .cooperative(try RecordCodec.decode(SoukCatalogV1.Cooperative.self, from: body))
      }
    }
  }
}
