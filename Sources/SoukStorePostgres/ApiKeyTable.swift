import Foundation
import PostgresNIO
import SoukAPI
import SoukStore

/// The `api_keys` table.
enum ApiKeyTable {
  /// The key whose `column` (id or prefix) is `value`, or nil; `lock` as for
  /// ``CooperativeTable/fetch(id:lock:_:)``.
  static func fetch(_ column: String, _ value: String, lock: String = "", _ session: SQLSession) async throws
    -> StoredApiKey?
  {
    let sql = "SELECT body, secret_hash FROM api_keys WHERE \(column) = ? \(lock)"
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
