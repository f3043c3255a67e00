import Foundation
import GRDB
import SoukAPI

/// The `products` table, and the rules every product write follows: `orderable` recomputed, a new version and
/// revision for a real change, nothing written for none.
enum ProductTable {
  /// The key SKUs are unique and sorted by: the SKU with ASCII letters lower-cased.
  static func skuKey(_ sku: String) -> String {
    String(
      String.UnicodeScalarView(
        sku.unicodeScalars.map { scalar in
          (65...90).contains(scalar.value) ? Unicode.Scalar(scalar.value + 32) ?? scalar : scalar
        }
      )
    )
  }

  /// The product with this id, or nil.
  static func fetch(id: String, _ db: Database) throws -> SoukCatalogV1.Product? {
    guard let data = try Data.fetchOne(db, sql: "SELECT body FROM products WHERE id = ?", arguments: [id])
    else { return nil }
    return try RecordCodec.decode(SoukCatalogV1.Product.self, from: data)
  }

  /// The product with this id.
  ///
  /// - Throws: ``StoreError/notFound(_:id:)`` when there is none.
  static func require(id: String, _ db: Database) throws -> SoukCatalogV1.Product {
    guard let product = try fetch(id: id, db) else { throw StoreError.notFound(.product, id: id) }
    return product
  }

  /// The cooperative's product with this SKU (ASCII case ignored), or nil.
  static func fetch(cooperativeID: String, sku: String, _ db: Database) throws -> SoukCatalogV1.Product? {
    guard
      let data = try Data.fetchOne(
        db,
        sql: "SELECT body FROM products WHERE cooperative_id = ? AND sku_key = ?",
        arguments: [cooperativeID, skuKey(sku)]
      )
    else { return nil }
    return try RecordCodec.decode(SoukCatalogV1.Product.self, from: data)
  }

  /// Saves a new product with version 1, the next revision and `orderable` computed.
  ///
  /// - Throws: ``StoreError/skuAlreadyExists(productID:)`` when the cooperative has the SKU.
  static func insert(
    _ product: SoukCatalogV1.Product,
    cooperative: SoukCatalogV1.Cooperative,
    _ db: Database
  ) throws -> SoukCatalogV1.Product {
    if let other = try fetch(cooperativeID: product.cooperativeId, sku: product.sku, db) {
      throw StoreError.skuAlreadyExists(productID: other.id)
    }
    var product = product
    product.version = 1
    product.revision = try CatalogState.nextRevision(db)
    product.orderable = isOrderable(product, cooperative: cooperative)
    try db.execute(
      sql: """
        INSERT INTO products (cooperative_id, sku_key, status, category, price_minor, stock, created_at, revision,
          created_revision, stock_only, search, body, id)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """,
      arguments: arguments(product, createdRevision: product.revision, stockOnly: false)
    )
    return product
  }

  /// Saves `changed` in place of `old` if it differs from it once `orderable` is recomputed (version, revision
  /// and `updated_at` of `changed` are ignored): raises the version, takes the next revision, sets `updated_at`
  /// to `time`. Returns nil, writing nothing, when nothing changed.
  ///
  /// - Throws: ``StoreError/skuAlreadyExists(productID:)`` when the new SKU is another product's.
  static func update(
    old: SoukCatalogV1.Product,
    to changed: SoukCatalogV1.Product,
    cooperative: SoukCatalogV1.Cooperative,
    time: SoukCommonV1.Timestamp,
    _ db: Database
  ) throws -> SoukCatalogV1.Product? {
    var product = changed
    product.id = old.id
    product.cooperativeId = old.cooperativeId
    product.version = old.version
    product.revision = old.revision
    product.updatedAt = old.updatedAt
    product.createdAt = old.createdAt
    product.orderable = isOrderable(product, cooperative: cooperative)
    guard product != old else { return nil }
    if skuKey(product.sku) != skuKey(old.sku),
      let other = try fetch(cooperativeID: product.cooperativeId, sku: product.sku, db)
    {
      throw StoreError.skuAlreadyExists(productID: other.id)
    }
    var stockChangedOnly = product
    stockChangedOnly.stock = old.stock
    let stockOnly = stockChangedOnly == old
    product.version = old.version + 1
    product.revision = try CatalogState.nextRevision(db)
    product.updatedAt = time
    let createdRevision = try Int64.fetchOne(
      db,
      sql: "SELECT created_revision FROM products WHERE id = ?",
      arguments: [old.id]
    )
    try db.execute(
      sql: """
        UPDATE products SET cooperative_id = ?, sku_key = ?, status = ?, category = ?, price_minor = ?, stock = ?,
          created_at = ?, revision = ?, created_revision = ?, stock_only = ?, search = ?, body = ?
        WHERE id = ?
        """,
      arguments: arguments(
        product,
        createdRevision: UInt64(bitPattern: createdRevision ?? 0),
        stockOnly: stockOnly
      )
    )
    return product
  }

  /// Adds `delta` units to the product's stock (a negative delta takes them off), as a stock-only change.
  ///
  /// - Throws: ``StoreError/insufficientStock(productID:available:)`` when the stock would go below zero,
  ///   ``StoreError/notFound(_:id:)`` for an unknown product.
  static func adjustStock(
    productID: String,
    by delta: Int64,
    time: SoukCommonV1.Timestamp,
    _ db: Database
  ) throws {
    guard delta != 0 else { return }
    let old = try require(id: productID, db)
    guard old.stock + delta >= 0 else {
      throw StoreError.insufficientStock(productID: productID, available: old.stock)
    }
    var product = old
    product.stock += delta
    let cooperative = try CooperativeTable.require(id: old.cooperativeId, db)
    _ = try update(old: old, to: product, cooperative: cooperative, time: time, db)
  }

  /// Whether a product can be ordered: it is active and its cooperative sells.
  static func isOrderable(_ product: SoukCatalogV1.Product, cooperative: SoukCatalogV1.Cooperative) -> Bool {
    product.status == .active && CooperativeTable.isSelling(cooperative)
  }

  /// The text a product's search matches: its title in every language and its tags.
  static func searchIndex(_ product: SoukCatalogV1.Product) -> String {
    let title = product.title ?? SoukCommonV1.LocalizedText()
    return SearchText.index([title.ar, title.fr, title.en] + product.tags)
  }

  /// The column values, in the order of the insert and update statements, all taken from the same value.
  private static func arguments(
    _ product: SoukCatalogV1.Product,
    createdRevision: UInt64,
    stockOnly: Bool
  ) -> StatementArguments {
    [
      product.cooperativeId, skuKey(product.sku), product.status.rawValue, product.category.rawValue,
      product.price?.amountMinor ?? 0, product.stock, product.createdAt.storeMicros,
      Int64(bitPattern: product.revision), Int64(bitPattern: createdRevision), stockOnly, searchIndex(product),
      RecordCodec.encode(product), product.id,
    ]
  }
}
