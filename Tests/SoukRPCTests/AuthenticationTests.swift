import Logging
import MetricsTestKit
import SoukInteropService
import SoukWire
import Synchronization
import Testing

@testable import SoukRPC

/// Authentication and the role check run before any handler, and interceptors see every call and its outcome.
@Suite("Authentication, roles and interceptors")
struct AuthenticationTests {
  /// Keys for the tests: `partner-key` is partner p1, `coop-key` is cooperative c1; anything else is refused.
  struct KeyAuthenticator: Authenticator {
    func authenticate(metadata: Metadata, peer: PeerInfo) async throws -> Principal? {
      guard metadata.firstString(forKey: "authorization") != nil else { return nil }
      switch metadata.bearerToken {
      case "partner-key": return Principal(role: .partner, id: "p1")
      case "coop-key": return Principal(role: .cooperative, id: "c1")
      default: throw RPCError(code: .unauthenticated, message: "unknown API key")
      }
    }
  }

  private static func start(
    interceptors: [any ServerInterceptor] = []
  ) async throws -> TestServer {
    try await TestServer.start { configuration in
      configuration.authenticator = KeyAuthenticator()
      configuration.interceptors = interceptors
    }
  }

  @Test(
    arguments: [
      (nil, RPCError.Code.unauthenticated),
      ("Bearer revoked-key", .unauthenticated),
      ("Basic cGFydG5lcg==", .unauthenticated),
      ("Bearer coop-key", .permissionDenied),
    ] as [(String?, RPCError.Code)])
  func partnerOnlyMethodRefuses(authorization: String?, expected: RPCError.Code) async throws {
    let server = try await Self.start()
    try await server.withClient { client in
      var metadata = Metadata()
      if let authorization { metadata.addString(authorization, forKey: "authorization") }
      let error = await #expect(throws: RPCError.self) {
        try await client.unary(TestService.Method.PartnerCall.self, request: Empty(), metadata: metadata)
      }
      #expect(error?.code == expected)
    }
  }

  @Test func thePartnerReachesTheHandlerWithItsPrincipal() async throws {
    let server = try await Self.start()
    try await server.withClient { client in
      let response = try await client.unaryResponse(
        TestService.Method.PartnerCall.self,
        request: Empty(),
        metadata: ["authorization": "Bearer partner-key"]
      )
      #expect(response.trailingMetadata.firstString(forKey: "x-principal") == "partner:p1")
    }
  }

  @Test func aWrongKeyIsRefusedEvenOnAPublicMethod() async throws {
    let server = try await Self.start()
    try await server.withClient { client in
      _ = try await client.unary(TestService.Method.EmptyCall.self, request: Empty())
      let error = await #expect(throws: RPCError.self) {
        try await client.unary(
          TestService.Method.EmptyCall.self,
          request: Empty(),
          metadata: ["authorization": "Bearer nobody"]
        )
      }
      #expect(error?.code == .unauthenticated)
    }
  }

  @Test func interceptorsRunOutermostFirstAndSeeRefusals() async throws {
    let recorder = InterceptionRecorder()
    let metrics = TestMetrics()
    let server = try await Self.start(interceptors: [
      RecordingInterceptor(name: "outer", recorder: recorder),
      RecordingInterceptor(name: "inner", recorder: recorder),
      MetricsInterceptor(factory: metrics),
      LoggingInterceptor(logger: Logger(label: "souk.rpc.test")),
    ])
    try await server.withClient { client in
      _ = try await client.unary(TestService.Method.EmptyCall.self, request: Empty())
      _ = try? await client.unary(TestService.Method.PartnerCall.self, request: Empty())
    }
    #expect(
      recorder.events == [
        "outer>EmptyCall", "inner>EmptyCall", "inner<ok", "outer<ok",
        "outer>PartnerCall", "inner>PartnerCall", "inner<unauthenticated", "outer<unauthenticated",
      ]
    )
    let method = "souk.testing.v1.TestService/PartnerCall"
    #expect(
      metrics.counterTotal(
        label: "souk_rpc_calls_total", dimensions: [("method", method), ("code", "unauthenticated")])
        == 1
    )
  }
}

/// Records the order interceptors run in and the outcome each sees.
final class InterceptionRecorder: Sendable {
  private let state = Mutex<[String]>([])

  var events: [String] { self.state.withLock { $0 } }

  func record(_ event: String) {
    self.state.withLock { $0.append(event) }
  }
}

struct RecordingInterceptor: ServerInterceptor {
  let name: String
  let recorder: InterceptionRecorder

  func intercept(context: ServerContext, next: @Sendable (ServerContext) async throws -> Void) async throws {
    self.recorder.record("\(self.name)>\(context.descriptor.name)")
    do {
      try await next(context)
      self.recorder.record("\(self.name)<ok")
    } catch let error as RPCError {
      self.recorder.record("\(self.name)<\(error.code)")
      throw error
    }
  }
}
