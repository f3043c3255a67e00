import Foundation
import GRDB
import SoukAPI
import SoukStore

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
    try db.execute(StoreRows.apiKey(key.apiKey, secretHash: key.secretHash).insert)
  }

  /// Rewrites the columns that change after creation (revocation, last use) and the body.
  static func update(_ apiKey: SoukAdminV1.ApiKey, _ db: Database) throws {
    try db.execute(StoreRows.apiKey(apiKey, secretHash: []).update(only: StoreRows.apiKeyMutableColumns))
  }

  /// The one key a statement selects (its `body` and `secret_hash`), or nil.
  private static func fetch(sql: String, arguments: StatementArguments, _ db: Database) throws -> StoredApiKey? {
    guard let row = try Row.fetchOne(db, sql: sql, arguments: arguments) else { return nil }
    let body: Data = row["body"]
    let hash: Data = row["secret_hash"]
    return StoredApiKey(apiKey: try RecordCodec.decode(SoukAdminV1.ApiKey.self, from: body), secretHash: [UInt8](hash))
  }
}
