import Foundation
import PostgresNIO
import SoukAPI
import SoukStore

/// The `api_keys` table.
enum ApiKeyTable {
  /// A column that identifies one key, with its value.
  enum Key {
    /// The key's id.
    case id(String)
    /// The key's public prefix.
    case prefix(String)

    /// The `WHERE` condition and its value.
    var condition: (sql: String, value: String) {
      switch self {
      case .id(let id): ("id = ?", id)
      case .prefix(let prefix): ("prefix = ?", prefix)
      }
    }
  }

  /// The key `key` names, or nil; `lock` as for ``CooperativeTable/fetch(id:lock:_:)``.
  static func fetch(_ key: Key, lock: RowLock = .none, _ session: SQLSession) async throws -> StoredApiKey? {
    let (condition, value) = key.condition
    let sql = "SELECT body, secret_hash FROM api_keys WHERE \(condition)\(lock.clause)"
    guard let row = try await session.rows(sql, [value]).first else { return nil }
    return StoredApiKey(
      apiKey: try row.message(SoukAdminV1.ApiKey.self, "body"),
      secretHash: [UInt8](try row.value(Data.self, "secret_hash"))
    )
  }

  /// Rewrites the columns that change after creation.
  static func update(_ apiKey: SoukAdminV1.ApiKey, _ session: SQLSession) async throws {
    try await session.execute(StoreRows.apiKey(apiKey, secretHash: []).update(only: StoreRows.apiKeyMutableColumns))
  }
}
