public import SoukAPI

/// What to do with one row of a bulk upload, as the service decides it.
public enum BulkRowDecision: Sendable {
  /// Create this product (id, times and fields set; the store sets version, revision and `orderable`).
  case create(SoukCatalogV1.Product)
  /// Replace the existing product with this value (same id); the store raises version and revision.
  case update(SoukCatalogV1.Product)
  /// The row changes nothing.
  case unchanged
  /// The row is refused.
  case failed(SoukCommonV1.ErrorDetail)
}

/// A row refused from inside a decision, e.g. by a check that needs the existing product; the same as returning
/// ``BulkRowDecision/failed(_:)``.
public struct BulkRowError: Error, Sendable {
  /// Why.
  public var detail: SoukCommonV1.ErrorDetail

  /// Creates the error.
  public init(detail: SoukCommonV1.ErrorDetail) {
    self.detail = detail
  }
}

/// What happened to one row of a bulk upload.
public struct BulkRowResultRecord: Sendable {
  /// The row's zero-based index.
  public var rowIndex: Int
  /// The decision as applied. A `.create` or `.update` whose write failed (say, a SKU another row took) comes
  /// back as `.failed`.
  public var outcome: BulkRowDecision
  /// The product after the row (nil for a failed row, and for a dry run that creates).
  public var product: SoukCatalogV1.Product?

  /// Creates a result.
  public init(rowIndex: Int, outcome: BulkRowDecision, product: SoukCatalogV1.Product?) {
    self.rowIndex = rowIndex
    self.outcome = outcome
    self.product = product
  }
}
