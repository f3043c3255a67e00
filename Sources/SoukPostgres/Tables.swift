import Foundation
import PostgresNIO
import SoukAPI
import SoukStore

/// The `idempotency` table.
enum IdempotencyTable {
  /// The resource the first write with this context's key produced (same fingerprint); nil when there is no claim
  /// or the key is new.
  ///
  /// - Throws: ``StoreError/idempotencyKeyReused`` when the key was used with another fingerprint.
  static func replayedResource(_ context: WriteContext, _ session: SQLSession) async throws -> String? {
    guard let claim = context.idempotency else { return nil }
    guard let row = try await session.rows(StoreRows.idempotencyLookup(context, claim)).first else { return nil }
    guard [UInt8](try row.value(Data.self, "fingerprint")) == claim.fingerprint else {
      throw StoreError.idempotencyKeyReused
    }
    return try row.value(String.self, "resource_id")
  }

  /// Records that this context's key produced `resourceID` (nothing without a claim). A concurrent transaction that
  /// recorded the same key first makes this one fail with a unique violation, and the store runs it again.
  static func record(_ context: WriteContext, resourceID: String, _ session: SQLSession) async throws {
    guard let claim = context.idempotency else { return }
    try await session.execute(StoreRows.idempotency(context, claim, resourceID: resourceID).insert)
  }
}

/// The `audit_log` table.
enum AuditTable {
  /// Appends the entry of a mutation of `target`.
  static func append(_ context: WriteContext, target: String, _ session: SQLSession) async throws {
    try await session.execute(StoreRows.audit(context, target: target).insert)
  }
}

/// The `cooperatives` table.
enum CooperativeTable {
  /// The cooperative with this id, or nil; `lock` is `FOR UPDATE` or `FOR SHARE` to lock its row.
  static func fetch(id: String, lock: String = "", _ session: SQLSession) async throws -> SoukCatalogV1.Cooperative? {
    try await session.bodies(SoukCatalogV1.Cooperative.self, "SELECT body FROM cooperatives WHERE id = ? \(lock)", [id])
      .first
  }

  /// The cooperative with this id.
  ///
  /// - Throws: ``StoreError/notFound(_:id:)`` when there is none.
  static func require(id: String, lock: String = "", _ session: SQLSession) async throws
    -> SoukCatalogV1.Cooperative
  {
    guard let cooperative = try await fetch(id: id, lock: lock, session) else {
      throw StoreError.notFound(.cooperative, id: id)
    }
    return cooperative
  }
}

/// The `partners` table.
enum PartnerTable {
  /// The partner with this id, or nil; `lock` as for ``CooperativeTable/fetch(id:lock:_:)``.
  static func fetch(id: String, lock: String = "", _ session: SQLSession) async throws -> SoukAdminV1.Partner? {
    try await session.bodies(SoukAdminV1.Partner.self, "SELECT body FROM partners WHERE id = ? \(lock)", [id]).first
  }

  /// The partner with this id.
  ///
  /// - Throws: ``StoreError/notFound(_:id:)`` when there is none.
  static func require(id: String, lock: String = "", _ session: SQLSession) async throws -> SoukAdminV1.Partner {
    guard let partner = try await fetch(id: id, lock: lock, session) else {
      throw StoreError.notFound(.partner, id: id)
    }
    return partner
  }
}

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
