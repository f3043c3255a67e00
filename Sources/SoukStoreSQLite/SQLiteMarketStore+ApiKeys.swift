import Foundation
import GRDB
public import SoukAPI
public import SoukStore

extension SQLiteMarketStore {
  /// Saves a new key.
  public func insertApiKey(_ key: StoredApiKey, context: WriteContext) async throws {
    try await write { db in
      if try IdempotencyTable.replayedResource(context, db) != nil { return WriteResult((), notifies: false) }
      try ApiKeyTable.insert(key, db)
      try IdempotencyTable.record(context, resourceID: key.apiKey.id, db)
      try AuditTable.append(context, target: "api_key:\(key.apiKey.id)", db)
      return WriteResult((), notifies: false)
    }
  }

  /// The key with this prefix, revoked or not.
  public func apiKey(prefix: String) async throws -> StoredApiKey? {
    try await read { db in try ApiKeyTable.fetch(prefix: prefix, db) }
  }

  /// Records a use of the key when the stored last use is unset or at least a minute older than `time`.
  public func recordApiKeyUse(id: String, at time: SoukCommonV1.Timestamp) async throws {
    let micros = time.storeMicros
    let stale = try await read { db in
      try Bool.fetchOne(
        db,
        sql: "SELECT last_used_at IS NULL OR last_used_at <= ? FROM api_keys WHERE id = ?",
        arguments: [micros - ApiKeyRules.lastUseResolutionMicros, id]
      ) ?? false
    }
    guard stale else { return }
    try await write { db in
      guard var key = try ApiKeyTable.fetch(id: id, db)?.apiKey else { return WriteResult((), notifies: false) }
      if let last = key.lastUsedAt, last.storeMicros > micros - ApiKeyRules.lastUseResolutionMicros {
        return WriteResult((), notifies: false)
      }
      key.lastUsedAt = time
      try ApiKeyTable.update(key, db)
      return WriteResult((), notifies: false)
    }
  }

  /// Revokes the key at `context.time`; a key revoked before keeps its first revocation time.
  public func revokeApiKey(id: String, context: WriteContext) async throws -> SoukAdminV1.ApiKey {
    try await write { db in
      if let replayed = try IdempotencyTable.replayedResource(context, db) {
        guard let key = try ApiKeyTable.fetch(id: replayed, db) else { throw StoreError.notFound(.apiKey, id: id) }
        return WriteResult(key.apiKey, notifies: false)
      }
      guard var key = try ApiKeyTable.fetch(id: id, db)?.apiKey else { throw StoreError.notFound(.apiKey, id: id) }
      try IdempotencyTable.record(context, resourceID: id, db)
      guard !key.revoked else { return WriteResult(key, notifies: false) }
      key.revoked = true
      key.revokedAt = context.time
      try ApiKeyTable.update(key, db)
      try AuditTable.append(context, target: "api_key:\(id)", db)
      return WriteResult(key, notifies: false)
    }
  }

  /// Keys matching `query`, newest first, after `position`.
  public func listApiKeys(
    _ query: ApiKeyQuery,
    after position: ListPosition?,
    limit: Int
  ) async throws -> [SoukAdminV1.ApiKey] {
    let statement = StoreQueries.apiKeys(query, after: position, limit: limit)
    return try await read { db in
      try Data.fetchAll(db, sql: statement.sql, arguments: statement.arguments).map {
        try RecordCodec.decode(SoukAdminV1.ApiKey.self, from: $0)
      }
    }
  }

  /// Whether a key of this kind that is not revoked exists.
  public func hasActiveApiKey(kind: SoukCommonV1.PrincipalKind) async throws -> Bool {
    try await read { db in
      try Bool.fetchOne(
        db,
        sql: "SELECT EXISTS (SELECT 1 FROM api_keys WHERE kind = ? AND NOT revoked)",
        arguments: [kind.rawValue]
      ) ?? false
    }
  }
}
