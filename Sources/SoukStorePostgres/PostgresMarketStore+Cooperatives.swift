public import SoukAPI
public import SoukStore

extension PostgresMarketStore {
  /// Saves a new cooperative with the next catalog revision.
  public func insertCooperative(
    _ cooperative: SoukCatalogV1.Cooperative,
    context: WriteContext
  ) async throws -> SoukCatalogV1.Cooperative {
    try await write { session in
      if let id = try await IdempotencyTable.replayedResource(context, session) {
        return WriteResult(try await CooperativeTable.require(id: id, session), notifies: false)
      }
      var cooperative = cooperative
      cooperative.revision = try await Counters.nextRevision(session)
      try await session.execute(StoreRows.cooperative(cooperative).insert)
      try await IdempotencyTable.record(context, resourceID: cooperative.id, session)
      try await AuditTable.append(context, target: "cooperative:\(cooperative.id)", session)
      return WriteResult(cooperative, notifies: true)
    }
  }

  /// Applies `change` to the locked cooperative; a status change locks its products (in id order, before the
  /// counter) and recomputes their `orderable`.
  public func updateCooperative(
    id: String,
    context: WriteContext,
    _ change: @Sendable (inout SoukCatalogV1.Cooperative) throws -> Void
  ) async throws -> SoukCatalogV1.Cooperative {
    try await write { session in
      if let replayed = try await IdempotencyTable.replayedResource(context, session) {
        return WriteResult(try await CooperativeTable.require(id: replayed, session), notifies: false)
      }
      let old = try await CooperativeTable.require(id: id, lock: .update, session)
      var changed = old
      try change(&changed)
      try await IdempotencyTable.record(context, resourceID: id, session)
      guard var cooperative = CooperativeRules.revised(old: old, to: changed, time: context.time) else {
        return WriteResult(old, notifies: false)
      }
      let products =
        cooperative.status == old.status
        ? []
        : try await session.bodies(
          SoukCatalogV1.Product.self,
          "SELECT body FROM products WHERE cooperative_id = ? ORDER BY id FOR UPDATE",
          [id]
        )
      cooperative.revision = try await Counters.nextRevision(session)
      try await session.execute(StoreRows.cooperative(cooperative).update())
      for product in products {
        _ = try await ProductTable.update(
          old: product,
          to: product,
          cooperative: cooperative,
          time: context.time,
          session
        )
      }
      try await AuditTable.append(context, target: "cooperative:\(id)", session)
      return WriteResult(cooperative, notifies: true)
    }
  }

  /// The cooperative with this id, or nil.
  public func cooperative(id: String) async throws -> SoukCatalogV1.Cooperative? {
    try await read { session in try await CooperativeTable.fetch(id: id, session) }
  }

  /// Cooperatives matching `query`, oldest first, after `position`.
  public func listCooperatives(
    _ query: CooperativeQuery,
    after position: ListPosition?,
    limit: Int
  ) async throws -> [SoukCatalogV1.Cooperative] {
    let statement = StoreQueries.cooperatives(query, after: position, limit: limit)
    return try await read { session in try await session.bodies(SoukCatalogV1.Cooperative.self, statement) }
  }
}
