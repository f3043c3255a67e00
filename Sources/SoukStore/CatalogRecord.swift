public import SoukAPI

/// One entry of the catalog feed as stored: the latest state of a product or a cooperative, at the revision of
/// its latest change.
public enum CatalogRecord: Sendable {
  /// A product, with the revision it was created at and whether its latest change touched only its stock.
  case product(SoukCatalogV1.Product, createdRevision: UInt64, stockOnly: Bool)
  /// A cooperative.
  case cooperative(SoukCatalogV1.Cooperative)

  /// The revision of the record's latest change.
  public var revision: UInt64 {
    switch self {
    case .product(let product, _, _): product.revision
    case .cooperative(let cooperative): cooperative.revision
    }
  }
}
