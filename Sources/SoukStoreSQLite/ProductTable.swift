import Foundation
import GRDB
import SoukAPI
import SoukStore

/// The `products` table, written by the rules of `ProductRules`: `orderable` recomputed, a new version and
/// revision for a real change, nothing written for none.
enum ProductTable {
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
        arguments: [cooperativeID, ProductRules.skuKey(sku)]
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
    var product = ProductRules.created(product, cooperative: cooperative)
    product.revision = try CatalogState.nextRevision(db)
    try db.execute(StoreRows.product(product, createdRevision: product.revision, stockOnly: false).insert)
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
    guard let revised = ProductRules.revised(old: old, to: changed, cooperative: cooperative, time: time) else {
      return nil
    }
    var product = revised.product
    if ProductRules.skuKey(product.sku) != ProductRules.skuKey(old.sku),
      let other = try fetch(cooperativeID: product.cooperativeId, sku: product.sku, db)
    {
      throw StoreError.skuAlreadyExists(productID: other.id)
    }
    product.revision = try CatalogState.nextRevision(db)
    let createdRevision = try Int64.fetchOne(
      db,
      sql: "SELECT created_revision FROM products WHERE id = ?",
      arguments: [old.id]
    )
    let row = StoreRows.product(
      product,
      createdRevision: UInt64(bitPattern: createdRevision ?? 0),
      stockOnly: revised.stockOnly
    )
    try db.execute(row.update())
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
    let product = try ProductRules.adjustingStock(old, by: delta)
    let cooperative = try CooperativeTable.require(id: old.cooperativeId, db)
    _ = try update(old: old, to: product, cooperative: cooperative, time: time, db)
  }
}
