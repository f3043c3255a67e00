import Foundation
import GRDB
public import SoukAPI

extension SQLiteMarketStore {
  /// Saves a new product with version 1, the next revision and `orderable` computed.
  public func insertProduct(_ product: SoukCatalogV1.Product, context: WriteContext) async throws
    -> SoukCatalogV1.Product
  {
    try await write { db in
      if let id = try IdempotencyTable.replayedResource(context, db) {
        return WriteResult(try ProductTable.require(id: id, db), notifies: false)
      }
      let cooperative = try CooperativeTable.require(id: product.cooperativeId, db)
      let saved = try ProductTable.insert(product, cooperative: cooperative, db)
      try IdempotencyTable.record(context, resourceID: saved.id, db)
      try AuditTable.append(context, target: "product:\(saved.id)", db)
      return WriteResult(saved, notifies: true)
    }
  }

  /// Applies `change`; a real change raises the version and takes the next revision, none writes nothing.
  public func updateProduct(
    id: String,
    context: WriteContext,
    _ change: @Sendable (inout SoukCatalogV1.Product) throws -> Void
  ) async throws -> SoukCatalogV1.Product {
    try await write { db in
      if let replayed = try IdempotencyTable.replayedResource(context, db) {
        return WriteResult(try ProductTable.require(id: replayed, db), notifies: false)
      }
      let old = try ProductTable.require(id: id, db)
      var changed = old
      try change(&changed)
      let cooperative = try CooperativeTable.require(id: old.cooperativeId, db)
      try IdempotencyTable.record(context, resourceID: id, db)
      guard let saved = try ProductTable.update(old: old, to: changed, cooperative: cooperative, time: context.time, db)
      else { return WriteResult(old, notifies: false) }
      try AuditTable.append(context, target: "product:\(id)", db)
      return WriteResult(saved, notifies: true)
    }
  }

  /// The product with this id, or nil.
  public func product(id: String) async throws -> SoukCatalogV1.Product? {
    try await read { db in try ProductTable.fetch(id: id, db) }
  }

  /// The cooperative's product with this SKU (ASCII case ignored), or nil.
  public func product(cooperativeID: String, sku: String) async throws -> SoukCatalogV1.Product? {
    try await read { db in try ProductTable.fetch(cooperativeID: cooperativeID, sku: sku, db) }
  }

  /// Products matching `query`, in its order, after `position`.
  public func listProducts(
    _ query: ProductQuery,
    after position: ProductPosition?,
    limit: Int
  ) async throws -> [SoukCatalogV1.Product] {
    var filter = SQLFilter()
    filter.add("p.cooperative_id", in: query.cooperativeIDs)
    if !query.regions.isEmpty {
      filter.add(
        "p.cooperative_id IN (SELECT id FROM cooperatives WHERE region IN (\(SQLFilter.placeholders(query.regions.count))))",
        query.regions.map(\.rawValue)
      )
    }
    filter.add("p.category", in: query.categories.map(\.rawValue))
    filter.add("p.status", in: query.statuses.map(\.rawValue))
    if let owner = query.draftsOnlyOf {
      filter.add(
        "(p.status <> ? OR p.cooperative_id = ?)",
        [SoukCatalogV1.ProductStatus.draft.rawValue, owner]
      )
    }
    if let inStock = query.inStock { filter.add(inStock ? "p.stock > 0" : "p.stock <= 0") }
    if let minimum = query.minPriceMinor { filter.add("p.price_minor >= ?", [minimum]) }
    if let maximum = query.maxPriceMinor { filter.add("p.price_minor <= ?", [maximum]) }
    filter.addWordPrefixes(query.queryWords, column: "p.search")
    filter.add("p.id", in: query.productIDs)
    let orderBy: String
    switch query.order {
    case .createdAscending:
      orderBy = "p.created_at, p.id"
      if let position { filter.add("(p.created_at, p.id) > (?, ?)", [position.createdAtMicros, position.id]) }
    case .createdDescending:
      orderBy = "p.created_at DESC, p.id DESC"
      if let position { filter.add("(p.created_at, p.id) < (?, ?)", [position.createdAtMicros, position.id]) }
    case .priceAscending:
      orderBy = "p.price_minor, p.id"
      if let position { filter.add("(p.price_minor, p.id) > (?, ?)", [position.priceMinor, position.id]) }
    case .priceDescending:
      orderBy = "p.price_minor DESC, p.id DESC"
      if let position { filter.add("(p.price_minor, p.id) < (?, ?)", [position.priceMinor, position.id]) }
    case .sku:
      orderBy = "p.cooperative_id, p.sku_key, p.id"
      if let position {
        filter.add(
          "(p.cooperative_id, p.sku_key, p.id) > (?, ?, ?)",
          [position.cooperativeID, position.skuKey, position.id]
        )
      }
    }
    let sql = "SELECT p.body FROM products p \(filter.whereClause) ORDER BY \(orderBy) LIMIT ?"
    let arguments = filter.statementArguments([limit])
    return try await read { db in
      try Data.fetchAll(db, sql: sql, arguments: arguments).map {
        try RecordCodec.decode(SoukCatalogV1.Product.self, from: $0)
      }
    }
  }

  /// The newest catalog revision.
  public func currentCatalogRevision() async throws -> UInt64 {
    try await read { db in try CatalogState.currentRevision(db) }
  }

  /// Products and cooperatives whose latest change is after `revision`, by revision.
  public func catalogChanges(
    after revision: UInt64,
    cooperativeIDs: [String],
    limit: Int
  ) async throws -> [CatalogRecord] {
    var products = SQLFilter()
    products.add("revision > ?", [Int64(bitPattern: revision)])
    products.add("cooperative_id", in: cooperativeIDs)
    var cooperatives = SQLFilter()
    cooperatives.add("revision > ?", [Int64(bitPattern: revision)])
    cooperatives.add("id", in: cooperativeIDs)
    let sql = """
      SELECT 'product' AS kind, revision, created_revision, stock_only, body FROM products \(products.whereClause)
      UNION ALL
      SELECT 'cooperative' AS kind, revision, 0, 0, body FROM cooperatives \(cooperatives.whereClause)
      ORDER BY revision LIMIT ?
      """
    let arguments = StatementArguments(products.arguments + cooperatives.arguments + [limit.databaseValue])
    return try await read { db in
      try Row.fetchAll(db, sql: sql, arguments: arguments).map { row in
        let body: Data = row["body"]
        if (row["kind"] as String) == "product" {
          let createdRevision: Int64 = row["created_revision"]
          return .product(
            try RecordCodec.decode(SoukCatalogV1.Product.self, from: body),
            createdRevision: UInt64(bitPattern: createdRevision),
            stockOnly: row["stock_only"]
          )
        }
        return .cooperative(try RecordCodec.decode(SoukCatalogV1.Cooperative.self, from: body))
      }
    }
  }
}
