import Foundation
import GRDB
public import SoukAPI

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
          return try Self.dryRun(index, Self.decision(index, existing, decide), existing, cooperative, db)
        }
      }
    }
    return try await write { db in
      let cooperative = try CooperativeTable.require(id: cooperativeID, db)
      var results: [BulkRowResultRecord] = []
      var changed = false
      for index in skus.indices {
        let existing = try ProductTable.fetch(cooperativeID: cooperativeID, sku: skus[index], db)
        let result = try Self.apply(index, Self.decision(index, existing, decide), existing, cooperative, context, db)
        if case .create = result.outcome { changed = true }
        if case .update = result.outcome { changed = true }
        results.append(result)
      }
      return WriteResult(results, notifies: changed)
    }
  }

  /// The caller's decision for a row, with a thrown ``BulkRowError`` read as `.failed`.
  private static func decision(
    _ index: Int,
    _ existing: SoukCatalogV1.Product?,
    _ decide: (Int, SoukCatalogV1.Product?) throws -> BulkRowDecision
  ) throws -> BulkRowDecision {
    do {
      return try decide(index, existing)
    } catch let error as BulkRowError {
      return .failed(error.detail)
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
      return BulkRowResultRecord(rowIndex: index, outcome: .failed(skuTaken(by: productID)), product: nil)
    }
  }

  /// What a row of a dry run would do, checked against the data without writing.
  private static func dryRun(
    _ index: Int,
    _ decision: BulkRowDecision,
    _ existing: SoukCatalogV1.Product?,
    _ cooperative: SoukCatalogV1.Cooperative,
    _ db: Database
  ) throws -> BulkRowResultRecord {
    switch decision {
    case .create(let product):
      if let other = try ProductTable.fetch(cooperativeID: cooperative.id, sku: product.sku, db) {
        return BulkRowResultRecord(rowIndex: index, outcome: .failed(skuTaken(by: other.id)), product: nil)
      }
      return BulkRowResultRecord(rowIndex: index, outcome: decision, product: nil)
    case .update(let product):
      if let other = try ProductTable.fetch(cooperativeID: cooperative.id, sku: product.sku, db), other.id != product.id
      {
        return BulkRowResultRecord(rowIndex: index, outcome: .failed(skuTaken(by: other.id)), product: nil)
      }
      return BulkRowResultRecord(rowIndex: index, outcome: decision, product: product)
    case .unchanged:
      return BulkRowResultRecord(rowIndex: index, outcome: decision, product: existing)
    case .failed:
      return BulkRowResultRecord(rowIndex: index, outcome: decision, product: nil)
    }
  }

  /// The detail of a row refused because another product of the cooperative has its SKU.
  private static func skuTaken(by productID: String) -> SoukCommonV1.ErrorDetail {
    var detail = SoukCommonV1.ErrorDetail()
    detail.reason = .skuAlreadyExists
    detail.message = "another product of the cooperative has this SKU"
    detail.metadata = ["product_id": productID]
    return detail
  }
}
