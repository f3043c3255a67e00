import SoukAPI
import SoukAPIServices
import SoukRPC
import SoukServerTestSupport
import SoukTestSupport
import SoukWire
import Testing

/// Every method of every service against every kind of caller: the roles that `Protocol/SPEC.md` section 1.4
/// promises (a source the code does not produce) are what the schema declares and what the server enforces before
/// any handler runs, and a caller without a valid key is never let in.
@Suite("Roles and keys")
struct RoleTableTests {
  /// The callers the table tries.
  enum CallerKind: String, CaseIterable, Sendable {
    case admin, partner, cooperative, noKey, unknownKey, revokedKey

    /// The caller's role as section 1.4 writes it; nil for callers without a valid key.
    var role: String? {
      switch self {
      case .admin: "admin"
      case .partner: "partner"
      case .cooperative: "cooperative"
      case .noKey, .unknownKey, .revokedKey: nil
      }
    }
  }

  /// Every method of the four services.
  static let declared = [
    SoukCatalogV1.CatalogService.descriptor, SoukOrdersV1.OrderService.descriptor,
    SoukAdminV1.AdminService.descriptor, SoukAccountsV1.AccountService.descriptor,
  ].flatMap(\.methods)

  /// `Service.Method`, as section 1.4 names a method.
  static func tableName(_ method: MethodDescriptor) -> String {
    "\(method.service.split(separator: ".").last ?? "").\(method.name)"
  }

  /// The call kind as section 1.4 writes it.
  static func tableKind(_ kind: MethodKind) -> String {
    switch kind {
    case .unary: "unary"
    case .serverStreaming: "server streaming"
    case .clientStreaming: "client streaming"
    case .bidirectionalStreaming: "bidirectional streaming"
    }
  }

  @Test("the schema declares what section 1.4 of the SPEC promises: every method, its kind, roles and idempotency")
  func descriptorsMatchTheSpecification() throws {
    let table = try SpecMethodTable()
    for problem in table.problems { Issue.record(Comment(rawValue: problem)) }
    #expect(Set(table.rows.map(\.method)) == Set(Self.declared.map(Self.tableName)))
    for method in Self.declared {
      guard let row = table.row(Self.tableName(method)) else { continue }
      #expect(method.roles == row.roles, "\(row.method)")
      #expect(Self.tableKind(method.kind) == row.kind, "\(row.method)")
      #expect(method.isIdempotent == row.isIdempotent, "\(row.method)")
    }
  }

  @Test("the probe list covers every method of the four services")
  func probesCoverEveryMethod() {
    let declared = Self.declared.map(\.fullName)
    #expect(Set(MethodProbe.all.map(\.descriptor.fullName)) == Set(declared))
    #expect(MethodProbe.all.count == declared.count)
  }

  @Test("each method refuses the roles it does not allow, and every call without a valid key")
  func everyMethodAgainstEveryCaller() async throws {
    let table = try SpecMethodTable()
    try await TestMarket.with { market in
      let (_, cooperative) = try await market.makeCooperative()
      let (partnerAccount, partner) = try await market.makePartner()
      let revoked = try await market.issueKey(kind: .partner, id: partnerAccount.id)
      var listKeys = SoukAdminV1.ListApiKeysRequest()
      listKeys.prefix = String(revoked.secret[..<(revoked.secret.lastIndex(of: "_") ?? revoked.secret.endIndex)])
      let listed = try await market.adminService.listApiKeys(listKeys, metadata: market.admin.metadata)
      var revoke = SoukAdminV1.RevokeApiKeyRequest()
      revoke.apiKeyId = try #require(listed.apiKeys.first).id
      _ = try await market.adminService.revokeApiKey(revoke, metadata: market.admin.metadata)

      let metadata: [CallerKind: Metadata] = [
        .admin: market.admin.metadata, .partner: partner.metadata, .cooperative: cooperative.metadata, .noKey: [:],
        .unknownKey: Key(secret: "souk_partner_AAAAAAAAAA_" + String(repeating: "B", count: 43)).metadata,
        .revokedKey: revoked.metadata,
      ]
      for probe in MethodProbe.all {
        for caller in CallerKind.allCases {
          let outcome: RPCError?
          do {
            try await probe.call(market.rpc, metadata[caller] ?? [:])
            outcome = nil
          } catch let error as RPCError {
            outcome = error
          }
          let name = "\(probe.descriptor.fullName) as \(caller.rawValue)"
          guard let role = caller.role else {
            #expect(outcome?.code == .unauthenticated, "\(name): \(String(describing: outcome))")
            continue
          }
          let allowed = try #require(table.row(Self.tableName(probe.descriptor)), "\(name)").roles
          if allowed.contains(role) {
            #expect(outcome?.code != .unauthenticated, "\(name): \(String(describing: outcome))")
            #expect(
              !(outcome?.message.contains("is not allowed for the") ?? false),
              "\(name) was refused by the role check: \(String(describing: outcome))"
            )
          } else {
            #expect(outcome?.code == .permissionDenied, "\(name): \(String(describing: outcome))")
          }
        }
      }
    }
  }
}
