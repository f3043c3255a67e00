package import SoukAPI

/// What every store does to a product it writes: the SKU key, `orderable`, the search text, and whether an update
/// changes anything.
package enum ProductRules {
  /// The key SKUs are unique and sorted by: the SKU with ASCII letters lower-cased.
  package static func skuKey(_ sku: String) -> String {
    String(
      String.UnicodeScalarView(
        sku.unicodeScalars.map { scalar in
          (65...90).contains(scalar.value) ? Unicode.Scalar(scalar.value + 32) ?? scalar : scalar
        }
      )
    )
  }

  /// Whether a product can be ordered: it is active and its cooperative sells.
  package static func isOrderable(_ product: SoukCatalogV1.Product, cooperative: SoukCatalogV1.Cooperative) -> Bool {
    product.status == .active && CooperativeRules.isSelling(cooperative)
  }

  /// The text a product's search matches: its title in every language and its tags.
  package static func searchIndex(_ product: SoukCatalogV1.Product) -> String {
    let title = product.title ?? SoukCommonV1.LocalizedText()
    return SearchText.index([title.ar, title.fr, title.en] + product.tags)
  }

  /// A new product as stored: version 1 and `orderable` computed (the store sets its revision).
  package static func created(
    _ product: SoukCatalogV1.Product,
    cooperative: SoukCatalogV1.Cooperative
  ) -> SoukCatalogV1.Product {
    var product = product
    product.version = 1
    product.orderable = isOrderable(product, cooperative: cooperative)
    return product
  }

  /// `changed` as it replaces `old`, or nil when it changes nothing once `orderable` is recomputed (its id,
  /// cooperative, version, revision and times are taken from `old`): the version raised, `updated_at` set to
  /// `time`, and whether only the stock changed. The store sets the revision.
  package static func revised(
    old: SoukCatalogV1.Product,
    to changed: SoukCatalogV1.Product,
    cooperative: SoukCatalogV1.Cooperative,
    time: SoukCommonV1.Timestamp
  ) -> (product: SoukCatalogV1.Product, stockOnly: Bool)? {
    var product = changed
    product.id = old.id
    product.cooperativeId = old.cooperativeId
    product.version = old.version
    product.revision = old.revision
    product.updatedAt = old.updatedAt
    product.createdAt = old.createdAt
    product.orderable = isOrderable(product, cooperative: cooperative)
    guard product != old else { return nil }
    var stockChangedOnly = product
    stockChangedOnly.stock = old.stock
    product.version = old.version + 1
    product.updatedAt = time
    return (product, stockChangedOnly == old)
  }

  /// The product with `delta` units added to its stock (a negative delta takes them off).
  ///
  /// - Throws: ``StoreError/insufficientStock(productID:available:)`` when the stock would go below zero.
  package static func adjustingStock(_ product: SoukCatalogV1.Product, by delta: Int64) throws(StoreError)
    -> SoukCatalogV1.Product
  {
    guard product.stock + delta >= 0 else {
      throw StoreError.insufficientStock(productID: product.id, available: product.stock)
    }
    var product = product
    product.stock += delta
    return product
  }
}
