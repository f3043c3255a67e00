import SoukAPI
import SoukAPIServices
import SoukMarket
import SoukRPC
import SoukStore
import SoukStoreSQLite
import Testing

/// Keys issued through the admin service authenticate for real; revoked, expired, altered and missing ones
/// do not, all with the same message.
@Suite("API keys")
struct ApiKeyTests {
  private func getCooperative(_ session: Session, _ id: String) async throws -> SoukCatalogV1.Cooperative {
    var request = SoukCatalogV1.GetCooperativeRequest()
    request.cooperativeId = id
    return try await session.catalog.getCooperative(request, metadata: session.metadata)
  }

  @Test("an issued key has the readable prefix, authenticates, records its use, and stops working once revoked")
  func issueAuthenticateRevoke() async throws {
    try await MarketHarness.with { market in
      let (cooperative, _) = try await market.makeCooperative()
      let issued = try await market.issueKey(kind: .cooperative, id: cooperative.id)
      let prefix = try #require(issued.apiKey?.prefix)
      #expect(prefix.hasPrefix("souk_coop_") && prefix.count == "souk_coop_".count + 10)
      #expect(issued.secret.hasPrefix(prefix + "_"))
      #expect(issued.secret.count == prefix.count + 1 + 43)

      let session = market.session(issued.secret)
      #expect(try await self.getCooperative(session, cooperative.id).id == cooperative.id)
      let stored = try await market.store.apiKey(prefix: prefix)
      #expect(stored?.apiKey.lastUsedAt != nil)
      #expect(stored?.secretHash.count == 32)

      var list = SoukAdminV1.ListApiKeysRequest()
      list.prefix = prefix
      let listed = try await market.admin.admin.listApiKeys(list, metadata: market.admin.metadata)
      #expect(listed.apiKeys.map(\.id) == [issued.apiKey?.id])

      var revoke = SoukAdminV1.RevokeApiKeyRequest()
      revoke.apiKeyId = issued.apiKey?.id ?? ""
      let revoked = try await market.admin.admin.revokeApiKey(revoke, metadata: market.admin.metadata)
      #expect(revoked.revoked)
      let refusal = await expectRefusal(.unauthenticated) { try await self.getCooperative(session, cooperative.id) }
      _ = refusal
    }
  }

  @Test("an altered secret, an unknown prefix, an expired key and a missing key are all unauthenticated")
  func refusals() async throws {
    try await MarketHarness.with { market in
      let (cooperative, session) = try await market.makeCooperative()
      _ = try await self.getCooperative(session, cooperative.id)
      let secret = String(session.metadata.firstString(forKey: "authorization")?.dropFirst("Bearer ".count) ?? "")
      let altered = String(secret.dropLast()) + (secret.hasSuffix("A") ? "B" : "A")
      let unknown = "souk_coop_0000000000_" + String(repeating: "a", count: 43)

      var principal = SoukCommonV1.Principal()
      principal.kind = .cooperative
      principal.id = cooperative.id
      let expired = try await ApiKeys.issue(
        store: market.store,
        principal: principal,
        label: "expired",
        expiresAt: SoukCommonV1.Timestamp(micros: SoukCommonV1.Timestamp.now().micros - 1_000_000),
        context: MarketCall(system: "test/IssueExpiredKey").write()
      )
      var messages: [String] = []
      for bad in [altered, unknown, expired.secret, "not-a-key"] {
        do {
          _ = try await self.getCooperative(market.session(bad), cooperative.id)
          Issue.record("\(bad) was accepted")
        } catch let error as RPCError {
          #expect(error.code == .unauthenticated)
          messages.append(error.message)
        }
      }
      #expect(Set(messages) == ["unknown or revoked key"])

      let anonymous = SoukCatalogV1.CatalogService.Client(wrapping: market.client)
      var request = SoukCatalogV1.GetCooperativeRequest()
      request.cooperativeId = cooperative.id
      await expectRefusal(.unauthenticated) { try await anonymous.getCooperative(request) }
    }
  }

  @Test("roles: a cooperative key cannot call the admin service; an admin cannot revoke its own key")
  func roles() async throws {
    try await MarketHarness.with { market in
      let (_, cooperative) = try await market.makeCooperative()
      await expectRefusal(.permissionDenied) {
        try await cooperative.admin.createPartner(Requests.partner(name: "Nope"), metadata: cooperative.metadata)
      }
      var own = SoukAdminV1.ListApiKeysRequest()
      var admin = SoukCommonV1.Principal()
      admin.kind = .admin
      own.principal = admin
      let keys = try await market.admin.admin.listApiKeys(own, metadata: market.admin.metadata).apiKeys
      #expect(keys.count == 1)
      var revoke = SoukAdminV1.RevokeApiKeyRequest()
      revoke.apiKeyId = keys.first?.id ?? ""
      await expectRefusal(.failedPrecondition) {
        try await market.admin.admin.revokeApiKey(revoke, metadata: market.admin.metadata)
      }
      // A fresh store issues the first admin key once.
      #expect(try await ApiKeys.issueInitialAdminKey(store: market.store) == nil)
    }
  }
}
