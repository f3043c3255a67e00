package import SoukAPI

/// What every store does with the rows of a bulk upload: the caller's decision per row, and what a dry run reports.
package enum BulkRules {
  /// The caller's decision for a row, with a thrown ``BulkRowError`` read as `.failed`.
  package static func decision(
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

  /// The SKU a create or update decision would write, which no other product of the cooperative may have.
  package static func writtenSKU(_ decision: BulkRowDecision) -> String? {
    switch decision {
    case .create(let product), .update(let product): product.sku
    case .unchanged, .failed: nil
    }
  }

  /// What a row of a dry run would do. `skuOwner` is the product of the cooperative that has the row's
  /// ``writtenSKU(_:)`` now, if any.
  package static func dryRunResult(
    _ index: Int,
    _ decision: BulkRowDecision,
    existing: SoukCatalogV1.Product?,
    skuOwner: String?
  ) -> BulkRowResultRecord {
    switch decision {
    case .create:
      if let skuOwner { return BulkRowResultRecord(rowIndex: index, outcome: .failed(skuTaken(by: skuOwner))) }
      return BulkRowResultRecord(rowIndex: index, outcome: decision, product: nil)
    case .update(let product):
      if let skuOwner, skuOwner != product.id {
        return BulkRowResultRecord(rowIndex: index, outcome: .failed(skuTaken(by: skuOwner)))
      }
      return BulkRowResultRecord(rowIndex: index, outcome: decision, product: product)
    case .unchanged:
      return BulkRowResultRecord(rowIndex: index, outcome: decision, product: existing)
    case .failed:
      return BulkRowResultRecord(rowIndex: index, outcome: decision, product: nil)
    }
  }

  /// The result of a row refused because another product of the cooperative has its SKU.
  package static func skuTaken(rowIndex: Int, by productID: String) -> BulkRowResultRecord {
    BulkRowResultRecord(rowIndex: rowIndex, outcome: .failed(skuTaken(by: productID)))
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

extension BulkRowResultRecord {
  /// A failed row (no product).
  fileprivate init(rowIndex: Int, outcome: BulkRowDecision) {
    self.init(rowIndex: rowIndex, outcome: outcome, product: nil)
  }
}
