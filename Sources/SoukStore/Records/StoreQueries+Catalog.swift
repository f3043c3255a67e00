import SoukAPI

/// The statements of the stores' listings and feeds, shared by every SQL store so that a filter means the same
/// on each: standard SQL over the tables both stores create with the same columns.
package enum StoreQueries {}

extension StoreQueries {
  /// `SELECT p.body` of the products matching `query`, in its order, after `position`.
  package static func products(_ query: ProductQuery, after position: ProductPosition?, limit: Int) -> SQLStatement {
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
      filter.add("(p.status <> ? OR p.cooperative_id = ?)", [SoukCatalogV1.ProductStatus.draft.rawValue, owner])
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
    return SQLStatement(
      sql: "SELECT p.body FROM products p \(filter.whereClause) ORDER BY \(orderBy) LIMIT ?",
      values: filter.arguments + [.integer(Int64(limit))]
    )
  }

  /// `SELECT body` of the cooperatives matching `query`, oldest first, after `position`.
  package static func cooperatives(_ query: CooperativeQuery, after position: ListPosition?, limit: Int)
    -> SQLStatement
  {
    var filter = SQLFilter()
    filter.add("region", in: query.regions.map(\.rawValue))
    filter.add("sector", in: query.sectors.map(\.rawValue))
    filter.add("status", in: query.statuses.map(\.rawValue))
    filter.addWordPrefixes(query.queryWords, column: "search")
    if let position {
      filter.add("(created_at, id) > (?, ?)", [position.createdAtMicros, position.id])
    }
    return SQLStatement(
      sql: "SELECT body FROM cooperatives \(filter.whereClause) ORDER BY created_at, id LIMIT ?",
      values: filter.arguments + [.integer(Int64(limit))]
    )
  }

  /// Products and cooperatives whose latest change is after `revision`, by revision: columns `kind` (`product` or
  /// `cooperative`), `revision`, `created_revision`, `stock_only` and `body`.
  package static func catalogChanges(after revision: UInt64, cooperativeIDs: [String], limit: Int) -> SQLStatement {
    var products = SQLFilter()
    products.add("revision > ?", [Int64(bitPattern: revision)])
    products.add("cooperative_id", in: cooperativeIDs)
    var cooperatives = SQLFilter()
    cooperatives.add("revision > ?", [Int64(bitPattern: revision)])
    cooperatives.add("id", in: cooperativeIDs)
    let sql = """
      SELECT 'product' AS kind, revision, created_revision, stock_only, body FROM products \(products.whereClause)
      UNION ALL
      SELECT 'cooperative' AS kind, revision, 0, FALSE, body FROM cooperatives \(cooperatives.whereClause)
      ORDER BY revision LIMIT ?
      """
    return SQLStatement(
      sql: sql,
      values: products.arguments + cooperatives.arguments + [.integer(Int64(limit))]
    )
  }
}
