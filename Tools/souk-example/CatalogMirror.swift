import SoukAPI

/// An e-shop's copy of the catalog, kept current by applying catalog changes in order.
struct CatalogMirror {
  /// The products the partner may see, by id.
  var products: [String: SoukCatalogV1.Product] = [:]
  /// The cooperatives, by id.
  var cooperatives: [String: SoukCatalogV1.Cooperative] = [:]
  /// The greatest revision applied: the point to resume from.
  var revision: UInt64 = 0

  /// Applies one change (snapshots are upserts; a removal deletes) and advances the revision.
  mutating func apply(_ change: SoukCatalogV1.CatalogChange) {
    switch change.subject {
    case .product(let product)?: self.products[product.id] = product
    case .removal(let removal)?: self.products[removal.productId] = nil
    case .cooperative(let cooperative)?: self.cooperatives[cooperative.id] = cooperative
    case nil: break
    }
    self.revision = max(self.revision, change.revision)
  }

  /// The products by cooperative, then SKU.
  var sortedProducts: [SoukCatalogV1.Product] {
    self.products.values.sorted { ($0.cooperativeId, $0.sku) < ($1.cooperativeId, $1.sku) }
  }
}
