import PostgresNIO
import SoukAPI
import SoukStore

/// The `products` table, with the rules of `ProductRules`.
enum ProductTable {
  /// The product with this id, or nil; `lock` says how to lock its row.
  static func fetch(id: String, lock: RowLock = .none, _ session: SQLSession) async throws -> SoukCatalogV1.Product? {
    try await session.bodies(SoukCatalogV1.Product.self, "SELECT body FROM products WHERE id = ?\(lock.clause)", [id])
      .first
  }

  /// The product with this id.
  ///
  /// - Throws: ``StoreError/notFound(_:id:)`` when there is none.
  static func require(id: String, lock: RowLock = .none, _ session: SQLSession) async throws -> SoukCatalogV1.Product {
    guard let product = try await fetch(id: id, lock: lock, session) else {
      throw StoreError.notFound(.product, id: id)
    }
    return product
  }

  /// The cooperative's product with this SKU (ASCII case ignored), or nil.
  static func fetch(cooperativeID: String, sku: String, lock: RowLock = .none, _ session: SQLSession) async throws
    -> SoukCatalogV1.Product?
  {
    try await session.bodies(
      SoukCatalogV1.Product.self,
      "SELECT body FROM products WHERE cooperative_id = ? AND sku_key = ?\(lock.clause)",
      [cooperativeID, ProductRules.skuKey(sku)]
    ).first
  }

  /// Locks the products with these ids, in id order, and returns those that exist.
  static func lock(ids: [String], _ session: SQLSession) async throws -> [String: SoukCatalogV1.Product] {
    let ids = Set(ids).sorted()
    guard !ids.isEmpty else { return [:] }
    let products = try await session.bodies(
      SoukCatalogV1.Product.self,
      "SELECT body FROM products WHERE id IN (\(SQLFilter.placeholders(ids.count))) ORDER BY id FOR UPDATE",
      ids
    )
    return Dictionary(products.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
  }

  /// Saves a new product with version 1, the next revision and `orderable` computed.
  ///
  /// - Throws: ``StoreError/skuAlreadyExists(productID:)`` when the cooperative has the SKU.
  static func insert(
    _ product: SoukCatalogV1.Product,
    cooperative: SoukCatalogV1.Cooperative,
    _ session: SQLSession
  ) async throws -> SoukCatalogV1.Product {
    if let other = try await fetch(cooperativeID: product.cooperativeId, sku: product.sku, session) {
      throw StoreError.skuAlreadyExists(productID: other.id)
    }
    var product = ProductRules.created(product, cooperative: cooperative)
    product.revision = try await Counters.nextRevision(session)
    try await session.execute(StoreRows.product(product, createdRevision: product.revision, stockOnly: false).insert)
    return product
  }

  /// Saves `changed` in place of `old` (whose row the caller locked) if it changes anything: a new version,
  /// revision and `updated_at`. Returns nil, writing nothing, when nothing changed.
  ///
  /// - Throws: ``StoreError/skuAlreadyExists(productID:)`` when the new SKU is another product's.
  static func update(
    old: SoukCatalogV1.Product,
    to changed: SoukCatalogV1.Product,
    cooperative: SoukCatalogV1.Cooperative,
    time: SoukCommonV1.Timestamp,
    _ session: SQLSession
  ) async throws -> SoukCatalogV1.Product? {
    guard let revised = ProductRules.revised(old: old, to: changed, cooperative: cooperative, time: time) else {
      return nil
    }
    var product = revised.product
    if ProductRules.skuKey(product.sku) != ProductRules.skuKey(old.sku),
      let other = try await fetch(cooperativeID: product.cooperativeId, sku: product.sku, session)
    {
      throw StoreError.skuAlreadyExists(productID: other.id)
    }
    let createdRevision =
      try await session.rows("SELECT created_revision FROM products WHERE id = ?", [old.id]).first?
      .value(Int64.self) ?? 0
    product.revision = try await Counters.nextRevision(session)
    let row = StoreRows.product(
      product,
      createdRevision: UInt64(bitPattern: createdRevision),
      stockOnly: revised.stockOnly
    )
    try await session.execute(row.update())
    return product
  }

  /// Adds `delta` units to the stock of `product`, whose row the caller locked, as a stock-only change.
  ///
  /// - Throws: ``StoreError/insufficientStock(productID:available:)`` when the stock would go below zero.
  static func adjustStock(
    of product: SoukCatalogV1.Product,
    cooperative: SoukCatalogV1.Cooperative,
    by delta: Int64,
    _ time: SoukCommonV1.Timestamp,
    _ session: SQLSession
  ) async throws {
    guard delta != 0 else { return }
    let adjusted = try ProductRules.adjustingStock(product, by: delta)
    _ = try await update(old: product, to: adjusted, cooperative: cooperative, time: time, session)
  }
}
