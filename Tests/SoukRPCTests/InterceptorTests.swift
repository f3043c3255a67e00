import Logging
import MetricsTestKit
import SoukInteropService
import SoukWire
import Synchronization
import Testing

@testable import SoukRPC

/// Interceptors run around every call, outermost first: one can refuse a call before its handler, attach what it
/// learned for the handler, and every one sees the outcome. The RPC layer checks no credentials itself; this
/// suite's ``KeyCheck`` does, as the marketplace's authorization does, over the role names the schema declares.
@Suite("Interceptors")
struct InterceptorTests {
  /// The caller ``KeyCheck`` found, as `role:id`.
  enum TestCaller: CallAttachmentKey {
    typealias Value = String
  }

  /// Keys for the tests: `partner-key` is partner p1, `coop-key` is cooperative c1; anything else is refused.
  /// A method whose roles include `public` needs no key; any other needs one whose role it lists.
  struct KeyCheck: ServerInterceptor {
    func intercept(context: ServerContext, next: @Sendable (ServerContext) async throws -> Void) async throws {
      var role: String?
      var id = ""
      if context.requestMetadata.firstString(forKey: "authorization") != nil {
        switch context.requestMetadata.bearerToken {
        case "partner-key": (role, id) = ("partner", "p1")
        case "coop-key": (role, id) = ("cooperative", "c1")
        default: throw RPCError(code: .unauthenticated, message: "unknown API key")
        }
      }
      if !context.descriptor.roles.contains("public") {
        guard let role else { throw RPCError(code: .unauthenticated, message: "credentials required") }
        guard context.descriptor.roles.contains(role) else {
          throw RPCError(code: .permissionDenied, message: "not for the \(role) role")
        }
      }
      var context = context
      if let role { context.attachments[TestCaller.self] = "\(role):\(id)" }
      try await next(context)
    }
  }

  private static func start(
    interceptors: [any ServerInterceptor] = []
  ) async throws -> TestServer {
    try await TestServer.start { configuration in
      configuration.interceptors = interceptors + [KeyCheck()]
    }
  }

  @Test("descriptors carry the role names the schema writes, which the RPC layer does not interpret")
  func descriptorsCarryTheSchemasRoleNames() {
    #expect(TestService.Method.PartnerCall.descriptor.roles == ["partner"])
    #expect(TestService.Method.EmptyCall.descriptor.roles == ["public"])
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

  @Test func whatAnInterceptorAttachesReachesTheHandler() async throws {
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
