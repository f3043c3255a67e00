import SoukAPI

extension SoukCatalogV1.CatalogChange {
  /// The product snapshot the change carries, if it carries one.
  var product: SoukCatalogV1.Product? {
    if case .product(let product)? = self.subject { return product }
    return nil
  }
}
