import Foundation
import GRDB
import SoukAPI

/// The `api_keys` table.
enum ApiKeyTable {
  /// The key with this id, or nil.
  static func fetch(id: String, _ db: Database) throws -> StoredApiKey? {
    try fetch(sql: "SELECT body, secret_hash FROM api_keys WHERE id = ?", arguments: [id], db)
  }

  /// The key with this prefix, or nil.
  static func fetch(prefix: String, _ db: Database) throws -> StoredApiKey? {
    try fetch(sql: "SELECT body, secret_hash FROM api_keys WHERE prefix = ?", arguments: [prefix], db)
  }

  /// Inserts a new row for `key`.
  static func insert(_ key: StoredApiKey, _ db: Database) throws {
    let apiKey = key.apiKey
    let principal = apiKey.principal ?? SoukCommonV1.Principal()
    try db.execute(
      sql: """
        INSERT INTO api_keys (id, prefix, kind, principal_id, secret_hash, created_at, revoked, last_used_at, body)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
        """,
      arguments: [
        apiKey.id, apiKey.prefix, principal.kind.rawValue, principal.id, Data(key.secretHash),
        apiKey.createdAt.storeMicros, apiKey.revoked, apiKey.lastUsedAt?.storeMicros, RecordCodec.encode(apiKey),
      ]
    )
  }

  /// Rewrites the columns that change after creation (revocation, last use) and the body.
  static func update(_ apiKey: SoukAdminV1.ApiKey, _ db: Database) throws {
    try db.execute(
      sql: "UPDATE api_keys SET revoked = ?, last_used_at = ?, body = ? WHERE id = ?",
      arguments: [apiKey.revoked, apiKey.lastUsedAt?.storeMicros, RecordCodec.encode(apiKey), apiKey.id]
    )
  }

  /// The one key a statement selects (its `body` and `secret_hash`), or nil.
  private static func fetch(sql: String, arguments: StatementArguments, _ db: Database) throws -> StoredApiKey? {
    guard let row = try Row.fetchOne(db, sql: sql, arguments: arguments) else { return nil }
    let body: Data = row["body"]
    let hash: Data = row["secret_hash"]
    return StoredApiKey(apiKey: try RecordCodec.decode(SoukAdminV1.ApiKey.self, from: body), secretHash: [UInt8](hash))
  }
}
