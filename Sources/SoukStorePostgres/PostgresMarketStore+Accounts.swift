import PostgresNIO
public import SoukAPI
public import SoukStore

extension PostgresMarketStore {
  /// Saves a new partner.
  public func insertPartner(_ partner: SoukAdminV1.Partner, context: WriteContext) async throws
    -> SoukAdminV1.Partner
  {
    try await write { session in
      if let id = try await IdempotencyTable.replayedResource(context, session) {
        return WriteResult(try await PartnerTable.require(id: id, session), notifies: false)
      }
      try await session.execute(StoreRows.partner(partner).insert)
      try await IdempotencyTable.record(context, resourceID: partner.id, session)
      try await AuditTable.append(context, target: "partner:\(partner.id)", session)
      return WriteResult(partner, notifies: false)
    }
  }

  /// Applies `change` to the locked partner; a real change raises the version and sets `updated_at`.
  public func updatePartner(
    id: String,
    context: WriteContext,
    _ change: @Sendable (inout SoukAdminV1.Partner) throws -> Void
  ) async throws -> SoukAdminV1.Partner {
    try await write { session in
      if let replayed = try await IdempotencyTable.replayedResource(context, session) {
        return WriteResult(try await PartnerTable.require(id: replayed, session), notifies: false)
      }
      let old = try await PartnerTable.require(id: id, lock: .update, session)
      var changed = old
      try change(&changed)
      try await IdempotencyTable.record(context, resourceID: id, session)
      guard let partner = PartnerRules.revised(old: old, to: changed, time: context.time) else {
        return WriteResult(old, notifies: false)
      }
      try await session.execute(StoreRows.partner(partner).update())
      try await AuditTable.append(context, target: "partner:\(id)", session)
      return WriteResult(partner, notifies: false)
    }
  }

  /// The partner with this id, or nil.
  public func partner(id: String) async throws -> SoukAdminV1.Partner? {
    try await read { session in try await PartnerTable.fetch(id: id, session) }
  }

  /// Partners matching `query`, oldest first, after `position`.
  public func listPartners(
    _ query: PartnerQuery,
    after position: ListPosition?,
    limit: Int
  ) async throws -> [SoukAdminV1.Partner] {
    let statement = StoreQueries.partners(query, after: position, limit: limit)
    return try await read { session in try await session.bodies(SoukAdminV1.Partner.self, statement) }
  }

  /// Saves a new key.
  public func insertApiKey(_ key: StoredApiKey, context: WriteContext) async throws {
    try await write { session in
      if try await IdempotencyTable.replayedResource(context, session) != nil {
        return WriteResult((), notifies: false)
      }
      try await session.execute(StoreRows.apiKey(key.apiKey, secretHash: key.secretHash).insert)
      try await IdempotencyTable.record(context, resourceID: key.apiKey.id, session)
      try await AuditTable.append(context, target: "api_key:\(key.apiKey.id)", session)
      return WriteResult((), notifies: false)
    }
  }

  /// The key with this prefix, revoked or not.
  public func apiKey(prefix: String) async throws -> StoredApiKey? {
    try await read { session in try await ApiKeyTable.fetch(.prefix(prefix), session) }
  }

  /// Records a use of the key when the stored last use is unset or at least a minute older than `time`.
  public func recordApiKeyUse(id: String, at time: SoukCommonV1.Timestamp) async throws {
    let staleBefore = time.storeMicros - ApiKeyRules.lastUseResolutionMicros
    let stale = try await read { session in
      try await session.rows(
        "SELECT 1 FROM api_keys WHERE id = ? AND (last_used_at IS NULL OR last_used_at <= ?)",
        [id, staleBefore]
      ).isEmpty == false
    }
    guard stale else { return }
    try await write { session in
      guard var key = try await ApiKeyTable.fetch(.id(id), lock: .update, session)?.apiKey,
        (key.lastUsedAt?.storeMicros ?? Int64.min) <= staleBefore
      else { return WriteResult((), notifies: false) }
      key.lastUsedAt = time
      try await ApiKeyTable.update(key, session)
      return WriteResult((), notifies: false)
    }
  }

  /// Revokes the key at `context.time`; a key revoked before keeps its first revocation time.
  public func revokeApiKey(id: String, context: WriteContext) async throws -> SoukAdminV1.ApiKey {
    try await write { session in
      if let replayed = try await IdempotencyTable.replayedResource(context, session) {
        guard let key = try await ApiKeyTable.fetch(.id(replayed), session) else {
          throw StoreError.notFound(.apiKey, id: id)
        }
        return WriteResult(key.apiKey, notifies: false)
      }
      guard var key = try await ApiKeyTable.fetch(.id(id), lock: .update, session)?.apiKey else {
        throw StoreError.notFound(.apiKey, id: id)
      }
      try await IdempotencyTable.record(context, resourceID: id, session)
      guard !key.revoked else { return WriteResult(key, notifies: false) }
      key.revoked = true
      key.revokedAt = context.time
      try await ApiKeyTable.update(key, session)
      try await AuditTable.append(context, target: "api_key:\(id)", session)
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
    return try await read { session in try await session.bodies(SoukAdminV1.ApiKey.self, statement) }
  }

  /// Whether a key of this kind that is not revoked exists.
  public func hasActiveApiKey(kind: SoukCommonV1.PrincipalKind) async throws -> Bool {
    try await read { session in
      try await !session.rows("SELECT 1 FROM api_keys WHERE kind = ? AND NOT revoked LIMIT 1", [kind.rawValue])
        .isEmpty
    }
  }

  /// Audit entries after `id`, oldest first.
  public func auditLog(after id: Int64, limit: Int) async throws -> [AuditEntry] {
    try await read { session in
      try await session.rows("SELECT * FROM audit_log WHERE id > ? ORDER BY id LIMIT ?", [id, limit]).map { row in
        var principal = SoukCommonV1.Principal()
        principal.kind = SoukCommonV1.PrincipalKind(rawValue: Int32(try row.value(Int64.self, "principal_kind")))
        principal.id = try row.value(String.self, "principal_id")
        return AuditEntry(
          id: try row.value(Int64.self, "id"),
          time: SoukCommonV1.Timestamp(storeMicros: try row.value(Int64.self, "time")),
          caller: Caller(principal: principal, apiKeyPrefix: try row.value(String.self, "api_key_prefix")),
          method: try row.value(String.self, "method"),
          requestID: try row.value(String.self, "request_id"),
          idempotencyKey: try row.value(String.self, "idempotency_key"),
          target: try row.value(String.self, "target")
        )
      }
    }
  }
}
