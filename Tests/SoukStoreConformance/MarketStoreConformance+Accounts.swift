import SoukAPI
import SoukStore
import Testing

extension MarketStoreConformance {
  /// Partners and API keys round-trip; listing filters and pages; a revoked key stays revoked with its first
  /// revocation time; last use is recorded at most once a minute.
  public func partnersAndApiKeys() async throws {
    let store = try await makeStore()
    let partner = try await store.insertPartner(Fixtures.partner(name: "Dar Souk"), context: Fixtures.context())
    var suspendedPartner = Fixtures.partner(name: "Bazar Atlas", createdMicros: Fixtures.baseMicros + 1)
    suspendedPartner.status = .suspended
    _ = try await store.insertPartner(suspendedPartner, context: Fixtures.context())
    #expect(try await store.partner(id: partner.id) == partner)
    var partnerQuery = PartnerQuery()
    partnerQuery.statuses = [.active]
    #expect(try await store.listPartners(partnerQuery, after: nil, limit: 10).map(\.id) == [partner.id])
    partnerQuery = PartnerQuery()
    partnerQuery.queryWords = SearchText.words(of: "baz")
    #expect(try await store.listPartners(partnerQuery, after: nil, limit: 10).map(\.id) == [suspendedPartner.id])
    let renamed = try await store.updatePartner(id: partner.id, context: Fixtures.context()) { $0.name = "Dar" }
    #expect(renamed.version == partner.version + 1)
    #expect(try await store.updatePartner(id: partner.id, context: Fixtures.context()) { _ in } == renamed)
    let position = ListPosition(createdAtMicros: Fixtures.micros(renamed.createdAt), id: renamed.id)
    #expect(try await store.listPartners(PartnerQuery(), after: position, limit: 10).map(\.id) == [suspendedPartner.id])

    #expect(try await store.hasActiveApiKey(kind: .admin) == false)
    let admin = Self.apiKey(prefix: "souk_admin_aaaa", kind: .admin, micros: Fixtures.baseMicros)
    let partnerKey = Self.apiKey(
      prefix: "souk_partner_bbbb",
      kind: .partner,
      principalID: partner.id,
      micros: Fixtures.baseMicros + 1
    )
    try await store.insertApiKey(admin, context: Fixtures.context())
    try await store.insertApiKey(partnerKey, context: Fixtures.context())
    #expect(try await store.apiKey(prefix: "souk_admin_aaaa") == admin)
    #expect(try await store.apiKey(prefix: "souk_nobody") == nil)
    #expect(try await store.hasActiveApiKey(kind: .admin))
    #expect(
      try await store.listApiKeys(ApiKeyQuery(), after: nil, limit: 10).map(\.id) == [
        partnerKey.apiKey.id, admin.apiKey.id,
      ])
    var keyQuery = ApiKeyQuery()
    keyQuery.kind = .partner
    keyQuery.principalID = partner.id
    #expect(try await store.listApiKeys(keyQuery, after: nil, limit: 10).map(\.id) == [partnerKey.apiKey.id])
    let keyPosition = ListPosition(
      createdAtMicros: Fixtures.micros(partnerKey.apiKey.createdAt),
      id: partnerKey.apiKey.id
    )
    #expect(try await store.listApiKeys(ApiKeyQuery(), after: keyPosition, limit: 10).map(\.id) == [admin.apiKey.id])

    let used = Fixtures.baseMicros + 100_000_000
    try await store.recordApiKeyUse(id: admin.apiKey.id, at: Fixtures.time(used))
    try await store.recordApiKeyUse(id: admin.apiKey.id, at: Fixtures.time(used + 30_000_000))
    #expect(try await store.apiKey(prefix: "souk_admin_aaaa")?.apiKey.lastUsedAt == Fixtures.time(used))
    try await store.recordApiKeyUse(id: admin.apiKey.id, at: Fixtures.time(used + 61_000_000))
    #expect(try await store.apiKey(prefix: "souk_admin_aaaa")?.apiKey.lastUsedAt == Fixtures.time(used + 61_000_000))

    let revoked = try await store.revokeApiKey(id: admin.apiKey.id, context: Fixtures.context(micros: used))
    #expect(revoked.revoked && revoked.revokedAt == Fixtures.time(used))
    let again = try await store.revokeApiKey(id: admin.apiKey.id, context: Fixtures.context(micros: used + 5))
    #expect(again.revokedAt == Fixtures.time(used))
    #expect(try await store.apiKey(prefix: "souk_admin_aaaa")?.apiKey.revoked == true)
    #expect(try await store.hasActiveApiKey(kind: .admin) == false)
    #expect(try await store.listApiKeys(ApiKeyQuery(), after: nil, limit: 10).map(\.id) == [partnerKey.apiKey.id])
    var withRevoked = ApiKeyQuery()
    withRevoked.includeRevoked = true
    #expect(try await store.listApiKeys(withRevoked, after: nil, limit: 10).count == 2)
    await #expect(throws: StoreError.notFound(.apiKey, id: "key_missing")) {
      _ = try await store.revokeApiKey(id: "key_missing", context: Fixtures.context())
    }
  }

  /// A key record as an issuer would store it.
  static func apiKey(
    prefix: String,
    kind: SoukCommonV1.PrincipalKind,
    principalID: String = "",
    micros: Int64
  ) -> StoredApiKey {
    var key = SoukAdminV1.ApiKey()
    key.id = Fixtures.id("key")
    key.prefix = prefix
    key.label = "test"
    key.principal = Fixtures.principal(kind, principalID)
    key.createdAt = Fixtures.time(micros)
    return StoredApiKey(apiKey: key, secretHash: Array(repeating: 7, count: 32))
  }
}
