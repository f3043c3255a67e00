import Foundation
import GRDB
public import SoukAPI
public import SoukStore

extension SQLiteMarketStore {
  /// Applies the rows of one bulk upload in one transaction (or, with `validateOnly`, decides them all on one
  /// read of the data and writes nothing). Records no idempotency claim: running the same upload again finds
  /// every row applied and reports it unchanged.
  public func bulkUpsertProducts(
    cooperativeID: String,
    skus: [String],
    validateOnly: Bool,
    context: WriteContext,
    _ decide: @Sendable (_ rowIndex: Int, _ existing: SoukCatalogV1.Product?) throws -> BulkRowDecision
  ) async throws -> [BulkRowResultRecord] {
    if validateOnly {
      return try await read { db in
        let cooperative = try CooperativeTable.require(id: cooperativeID, db)
        return try skus.indices.map { index in
          let existing = try ProductTable.fetch(cooperativeID: cooperativeID, sku: skus[index], db)
          let decision = try BulkRules.decision(index, existing, decide)
          let skuOwner = try BulkRules.writtenSKU(decision).flatMap {
            try ProductTable.fetch(cooperativeID: cooperative.id, sku: $0, db)?.id
          }
          return BulkRules.dryRunResult(index, decision, existing: existing, skuOwner: skuOwner)
        }
      }
    }
    return try await write { db in
      let cooperative = try CooperativeTable.require(id: cooperativeID, db)
      var results: [BulkRowResultRecord] = []
      var changed = false
      for index in skus.indices {
        let existing = try ProductTable.fetch(cooperativeID: cooperativeID, sku: skus[index], db)
        let result = try Self.apply(
          index, BulkRules.decision(index, existing, decide), existing, cooperative, context, db)
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
    _ db: Database
  ) throws -> BulkRowResultRecord {
    do {
      switch decision {
      case .create(var product):
        product.cooperativeId = cooperative.id
        let saved = try ProductTable.insert(product, cooperative: cooperative, db)
        try AuditTable.append(context, target: "product:\(saved.id)", db)
        return BulkRowResultRecord(rowIndex: index, outcome: .create(saved), product: saved)
      case .update(let product):
        let old = try ProductTable.require(id: product.id, db)
        guard
          let saved = try ProductTable.update(old: old, to: product, cooperative: cooperative, time: context.time, db)
        else { return BulkRowResultRecord(rowIndex: index, outcome: .unchanged, product: old) }
        try AuditTable.append(context, target: "product:\(saved.id)", db)
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
