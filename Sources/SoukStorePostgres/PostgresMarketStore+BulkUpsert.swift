public import SoukAPI
public import SoukStore

extension PostgresMarketStore {
  /// Applies the rows of one bulk upload in one transaction holding the cooperative's row (`FOR UPDATE`: one
  /// upload of a cooperative at a time), each row's product locked as it is read; or, with `validateOnly`, decides
  /// every row on the committed data and writes nothing. Records no idempotency claim, as the SQLite store.
  public func bulkUpsertProducts(
    cooperativeID: String,
    skus: [String],
    validateOnly: Bool,
    context: WriteContext,
    _ decide: @Sendable (_ rowIndex: Int, _ existing: SoukCatalogV1.Product?) throws -> BulkRowDecision
  ) async throws -> [BulkRowResultRecord] {
    if validateOnly {
      return try await read { session in
        _ = try await CooperativeTable.require(id: cooperativeID, session)
        var results: [BulkRowResultRecord] = []
        for index in skus.indices {
          let existing = try await ProductTable.fetch(cooperativeID: cooperativeID, sku: skus[index], session)
          let decision = try BulkRules.decision(index, existing, decide)
          var skuOwner: String?
          if let sku = BulkRules.writtenSKU(decision) {
            skuOwner = try await ProductTable.fetch(cooperativeID: cooperativeID, sku: sku, session)?.id
          }
          results.append(BulkRules.dryRunResult(index, decision, existing: existing, skuOwner: skuOwner))
        }
        return results
      }
    }
    return try await write { session in
      let cooperative = try await CooperativeTable.require(id: cooperativeID, lock: .update, session)
      var results: [BulkRowResultRecord] = []
      var changed = false
      for index in skus.indices {
        let existing = try await ProductTable.fetch(
          cooperativeID: cooperativeID,
          sku: skus[index],
          lock: .update,
          session
        )
        let decision = try BulkRules.decision(index, existing, decide)
        let result = try await Self.apply(index, decision, existing, cooperative, context, session)
        if case .create = result.outcome { changed = true }
        if case .update = result.outcome { changed = true }
        results.append(result)
      }
      return WriteResult(results, notifies: changed)
    }
  }

  /// Writes one row's decision and says what happened.
  private static func apply(
    _ index: Int,
    _ decision: BulkRowDecision,
    _ existing: SoukCatalogV1.Product?,
    _ cooperative: SoukCatalogV1.Cooperative,
    _ context: WriteContext,
    _ session: SQLSession
  ) async throws -> BulkRowResultRecord {
    do {
      switch decision {
      case .create(var product):
        product.cooperativeId = cooperative.id
        let saved = try await ProductTable.insert(product, cooperative: cooperative, session)
        try await AuditTable.append(context, target: "product:\(saved.id)", session)
        return BulkRowResultRecord(rowIndex: index, outcome: .create(saved), product: saved)
      case .update(let product):
        let old = try await ProductTable.require(id: product.id, lock: .update, session)
        guard
          let saved = try await ProductTable.update(
            old: old,
            to: product,
            cooperative: cooperative,
            time: context.time,
            session
          )
        else { return BulkRowResultRecord(rowIndex: index, outcome: .unchanged, product: old) }
        try await AuditTable.append(context, target: "product:\(saved.id)", session)
        return BulkRowResultRecord(rowIndex: index, outcome: .update(saved), product: saved)
      case .unchanged:
        return BulkRowResultRecord(rowIndex: index, outcome: .unchanged, product: existing)
      case .failed:
        return BulkRowResultRecord(rowIndex: index, outcome: decision, product: nil)
      }
    } catch StoreError.skuAlreadyExists(let productID) {
      return BulkRules.skuTaken(rowIndex: index, by: productID)
    }
  }
}
