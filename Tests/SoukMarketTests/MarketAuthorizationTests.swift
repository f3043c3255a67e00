import SoukAPI
import SoukAPIServices
import SoukRPC
import SoukStore
import Testing

@testable import SoukMarket

/// The one interceptor that decides who may call what: the schema's role names, public methods, missing and
/// wrong credentials, and roles a method does not list; every method against every caller over a real connection
/// is `RoleTableTests`' work.
@Suite("Authorization")
struct MarketAuthorizationTests {
  /// A method with `roles`, in a service of its own.
  private static func method(_ roles: Set<String>) -> MethodDescriptor {
    MethodDescriptor(
      service: "souk.test.v1.TestService", name: "Call", kind: .unary,
      inputType: "souk.test.v1.Request", outputType: "souk.test.v1.Reply", roles: roles, isIdempotent: true)
  }

  /// The context of a call of `method` with `metadata`.
  private static func context(_ method: MethodDescriptor, _ metadata: Metadata = [:]) -> ServerContext {
    ServerContext(
      descriptor: method, requestMetadata: metadata, deadline: nil,
      peer: PeerInfo(remoteAddress: "in-memory", tls: nil), response: ResponseMetadata())
  }

  /// A caller of `kind`.
  private static func caller(_ kind: SoukCommonV1.PrincipalKind) -> Caller {
    var principal = SoukCommonV1.Principal()
    principal.kind = kind
    return Caller(principal: principal, apiKeyPrefix: "souk_test")
  }

  @Test("the roles are the names the schema language writes, and every role a service declares is one of them")
  func roleNamesAreTheSchemas() {
    #expect(MarketRole.allCases.map(\.rawValue) == ["public", "admin", "partner", "cooperative"])
    let declared = [
      SoukCatalogV1.CatalogService.descriptor, SoukOrdersV1.OrderService.descriptor,
      SoukAdminV1.AdminService.descriptor, SoukAccountsV1.AccountService.descriptor,
    ].flatMap(\.methods).flatMap(\.roles)
    #expect(Set(declared).isSubset(of: MarketRole.allCases.map(\.rawValue)))
    #expect(MarketRole(.partner) == .partner && MarketRole(.unspecified) == nil)
  }

  @Test("a public method needs no caller; any other needs one whose role it lists")
  func rolesDecide() throws {
    try MarketAuthorization.authorize(Self.method(["public", "admin"]), nil)
    try MarketAuthorization.authorize(Self.method(["partner", "admin"]), Self.caller(.partner))
    let missing = #expect(throws: RPCError.self) {
      try MarketAuthorization.authorize(Self.method(["partner"]), nil)
    }
    #expect(missing?.code == .unauthenticated)
    let denied = #expect(throws: RPCError.self) {
      try MarketAuthorization.authorize(Self.method(["admin"]), Self.caller(.cooperative))
    }
    #expect(denied?.code == .permissionDenied)
    #expect(denied?.message == "souk.test.v1.TestService/Call is not allowed for the cooperative role")
    let unknown = #expect(throws: RPCError.self) {
      try MarketAuthorization.authorize(Self.method(["admin"]), Self.caller(.unspecified))
    }
    #expect(unknown?.code == .permissionDenied)
  }

  @Test("a call without a key reaches a public method with no caller; a wrong key is refused even there")
  func publicMethods() async throws {
    try await MarketHarness.with { market in
      let authorization = MarketAuthorization(store: market.store)
      let open = Self.method(["public"])
      try await authorization.intercept(context: Self.context(open)) { context in
        #expect(context.attachments[CallerAttachment.self] == nil)
      }
      let refused = await #expect(throws: RPCError.self) {
        try await authorization.intercept(context: Self.context(open, ["authorization": "Bearer nobody"])) { _ in
          Issue.record("the handler ran for a wrong key")
        }
      }
      #expect(refused?.code == .unauthenticated)
      #expect(refused?.message == MarketAuthorization.refusal)
    }
  }

  @Test("the caller of a valid key is attached for the handler, the admin without an id")
  func callerIsAttached() async throws {
    try await MarketHarness.with { market in
      let authorization = MarketAuthorization(store: market.store)
      try await authorization.intercept(
        context: Self.context(Self.method(["admin"]), market.admin.metadata)
      ) { context in
        let caller = context.attachments[CallerAttachment.self]
        #expect(caller?.principal.kind == .admin)
        #expect(caller?.principal.id == "")
        #expect(caller?.apiKeyPrefix.hasPrefix("souk_admin_") == true)
      }
    }
  }
}
