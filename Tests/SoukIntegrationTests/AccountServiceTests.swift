import SoukAPI
import SoukAPIServices
import SoukRPC
import SoukServerTestSupport
import Testing

/// GetCaller tells each kind of caller who its key acts for.
@Suite("Account service")
struct AccountServiceTests {
  @Test("each key learns its principal, its credential's prefix and its account's name")
  func getCallerForEveryKind() async throws {
    try await TestMarket.with { market in
      let (cooperative, cooperativeKey) = try await market.makeCooperative("Coopérative Amlou")
      let (partner, partnerKey) = try await market.makePartner("Boutique Fès")
      let accounts = SoukAccountsV1.AccountService.Client(wrapping: market.rpc)

      let asCooperative = try await accounts.getCaller(.init(), metadata: cooperativeKey.metadata)
      #expect(asCooperative.principal?.kind == .cooperative && asCooperative.principal?.id == cooperative.id)
      #expect(asCooperative.displayName == "Coopérative Amlou")
      #expect(cooperativeKey.secret.hasPrefix(asCooperative.credential + "_"))

      let asPartner = try await accounts.getCaller(.init(), metadata: partnerKey.metadata)
      #expect(asPartner.principal?.kind == .partner && asPartner.principal?.id == partner.id)
      #expect(asPartner.displayName == "Boutique Fès")

      let asAdmin = try await accounts.getCaller(.init(), metadata: market.admin.metadata)
      #expect(asAdmin.principal?.kind == .admin && asAdmin.principal?.id == "")
      #expect(asAdmin.credential.hasPrefix("souk_admin_") && asAdmin.displayName.isEmpty)

      let anonymous = await #expect(throws: RPCError.self) { try await accounts.getCaller(.init()) }
      #expect(anonymous?.code == .unauthenticated)
    }
  }
}
