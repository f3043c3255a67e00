import SoukAPI

extension StoreQueries {
  /// `SELECT body` of the partners matching `query`, oldest first, after `position`. A query word matches the
  /// start of a word of the name or any part of the website URL.
  package static func partners(_ query: PartnerQuery, after position: ListPosition?, limit: Int) -> SQLStatement {
    var filter = SQLFilter()
    filter.add("status", in: query.statuses.map(\.rawValue))
    for word in query.queryWords {
      let escaped = SQLFilter.escapeLike(word)
      filter.add(
        "(search LIKE ? ESCAPE '\\' OR website LIKE ? ESCAPE '\\')",
        ["% " + escaped + "%", "%" + escaped + "%"]
      )
    }
    if let position {
      filter.add("(created_at, id) > (?, ?)", [position.createdAtMicros, position.id])
    }
    return SQLStatement(
      sql: "SELECT body FROM partners \(filter.whereClause) ORDER BY created_at, id LIMIT ?",
      values: filter.arguments + [.integer(Int64(limit))]
    )
  }

  /// `SELECT body` of the keys matching `query`, newest first, after `position`.
  package static func apiKeys(_ query: ApiKeyQuery, after position: ListPosition?, limit: Int) -> SQLStatement {
    var filter = SQLFilter()
    if let kind = query.kind { filter.add("kind = ?", [kind.rawValue]) }
    if let principalID = query.principalID { filter.add("principal_id = ?", [principalID]) }
    if let prefix = query.prefix { filter.add("prefix = ?", [prefix]) }
    if !query.includeRevoked { filter.add("NOT revoked") }
    if let position {
      filter.add("(created_at, id) < (?, ?)", [position.createdAtMicros, position.id])
    }
    return SQLStatement(
      sql: "SELECT body FROM api_keys \(filter.whereClause) ORDER BY created_at DESC, id DESC LIMIT ?",
      values: filter.arguments + [.integer(Int64(limit))]
    )
  }
}
