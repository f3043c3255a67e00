import Foundation
import GRDB
public import SoukAPI
public import SoukStore

extension SQLiteMarketStore {
  /// Saves a new cooperative with the next catalog revision.
  public func insertCooperative(
    _ cooperative: SoukCatalogV1.Cooperative,
    context: WriteContext
  ) async throws -> SoukCatalogV1.Cooperative {
    try await write { db in
      if let id = try IdempotencyTable.replayedResource(context, db) {
        return WriteResult(try CooperativeTable.require(id: id, db), notifies: false)
      }
      var cooperative = cooperative
      cooperative.revision = try CatalogState.nextRevision(db)
      try CooperativeTable.insert(cooperative, db)
      try IdempotencyTable.record(context, resourceID: cooperative.id, db)
      try AuditTable.append(context, target: "cooperative:\(cooperative.id)", db)
      return WriteResult(cooperative, notifies: true)
    }
  }

  /// Applies `change`; a status change recomputes `orderable` of the cooperative's products, and each product
  /// whose `orderable` flips gets a new version and revision.
  public func updateCooperative(
    id: String,
    context: WriteContext,
    _ change: @Sendable (inout SoukCatalogV1.Cooperative) throws -> Void
  ) async throws -> SoukCatalogV1.Cooperative {
    try await write { db in
      if let replayed = try IdempotencyTable.replayedResource(context, db) {
        return WriteResult(try CooperativeTable.require(id: replayed, db), notifies: false)
      }
      let old = try CooperativeTable.require(id: id, db)
      var changed = old
      try change(&changed)
      try IdempotencyTable.record(context, resourceID: id, db)
      guard var cooperative = CooperativeRules.revised(old: old, to: changed, time: context.time) else {
        return WriteResult(old, notifies: false)
      }
      cooperative.revision = try CatalogState.nextRevision(db)
      try CooperativeTable.update(cooperative, db)
      if cooperative.status != old.status {
        try recomputeOrderable(of: cooperative, time: context.time, db)
      }
      try AuditTable.append(context, target: "cooperative:\(id)", db)
      return WriteResult(cooperative, notifies: true)
    }
  }

  /// The cooperative with this id, or nil.
  public func cooperative(id: String) async throws -> SoukCatalogV1.Cooperative? {
    try await read { db in try CooperativeTable.fetch(id: id, db) }
  }

  /// Cooperatives matching `query`, oldest first, after `position`.
  public func listCooperatives(
    _ query: CooperativeQuery,
    after position: ListPosition?,
    limit: Int
  ) async throws -> [SoukCatalogV1.Cooperative] {
    let statement = StoreQueries.cooperatives(query, after: position, limit: limit)
    return try await read { db in
      try Data.fetchAll(db, sql: statement.sql, arguments: statement.arguments).map {
        try RecordCodec.decode(SoukCatalogV1.Cooperative.self, from: $0)
      }
    }
  }

  /// Recomputes `orderable` of every product of `cooperative`, in id order.
  private func recomputeOrderable(
    of cooperative: SoukCatalogV1.Cooperative,
    time: SoukCommonV1.Timestamp,
    _ db: Database
  ) throws {
    let bodies = try Data.fetchAll(
      db,
      sql: "SELECT body FROM products WHERE cooperative_id = ? ORDER BY id",
      arguments: [cooperative.id]
    )
    for body in bodies {
      let product = try RecordCodec.decode(SoukCatalogV1.Product.self, from: body)
      _ = try ProductTable.update(old: product, to: product, cooperative: cooperative, time: time, db)
    }
  }
}
