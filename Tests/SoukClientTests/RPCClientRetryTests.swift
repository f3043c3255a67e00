import SoukAPI
import SoukAPIServices
import SoukRPC
import Testing

/// The retry policy and default metadata of `RPCClient`, through the generated typed clients, against a real
/// server over TLS that fails the first attempts with `unavailable`.
@Suite("RPCClient retries and default metadata")
struct RPCClientRetryTests {
  static let quickRetries = RetryPolicy(
    maxAttempts: 4,
    backoff: Backoff(initial: .milliseconds(10), maximum: .milliseconds(50)),
    deadline: .seconds(60)
  )

  static func order(key: String = "") -> SoukOrdersV1.PlaceOrderRequest {
    var request = SoukOrdersV1.PlaceOrderRequest()
    request.idempotencyKey = key
    request.partnerOrderReference = "REF-1"
    return request
  }

  @Test func idempotentCallIsRetriedWithOneGeneratedKeyAndTheDefaultMetadata() async throws {
    let server = try await FlakyServer.start(failing: 2)
    let rpc = try server.client(key: "partner-key", policy: Self.quickRetries)
    defer { rpc.close() }
    let order = try await SoukOrdersV1.OrderService.Client(wrapping: rpc).placeOrder(Self.order())
    await server.stop()

    let seen = server.service.calls
    #expect(seen.placeOrderKeys.count == 3)
    let key = try #require(seen.placeOrderKeys.first)
    #expect(key.count == 32)
    #expect(Set(seen.placeOrderKeys) == [key])
    #expect(order.id == "ord_\(key)")
    #expect(seen.authorizations == Array(repeating: [.string("Bearer partner-key")], count: 3))
  }

  @Test func callersKeyIsKeptAndPerCallMetadataFollowsTheDefault() async throws {
    let server = try await FlakyServer.start(failing: 0)
    let rpc = try server.client(key: "partner-key", policy: Self.quickRetries)
    defer { rpc.close() }
    let order = try await SoukOrdersV1.OrderService.Client(wrapping: rpc)
      .placeOrder(Self.order(key: "mine"), metadata: ["authorization": "Bearer other"])
    await server.stop()

    #expect(order.id == "ord_mine")
    #expect(server.service.calls.authorizations == [[.string("Bearer partner-key"), .string("Bearer other")]])
  }

  @Test func attemptsStopAtTheLimit() async throws {
    let server = try await FlakyServer.start(failing: 10)
    let rpc = try server.client(key: "partner-key", policy: Self.quickRetries)
    defer { rpc.close() }
    let error = await #expect(throws: RPCError.self) {
      try await SoukOrdersV1.OrderService.Client(wrapping: rpc).placeOrder(Self.order())
    }
    await server.stop()
    #expect(error?.code == .unavailable)
    #expect(server.service.calls.placeOrderKeys.count == 4)
  }

  @Test func nonIdempotentMethodIsNeverRetried() async throws {
    let server = try await FlakyServer.start(failing: 10)
    let rpc = try server.client(key: "admin-key", policy: Self.quickRetries)
    defer { rpc.close() }
    let error = await #expect(throws: RPCError.self) {
      try await SoukAdminV1.AdminService.Client(wrapping: rpc).issueApiKey(SoukAdminV1.IssueApiKeyRequest())
    }
    await server.stop()
    #expect(error?.code == .unavailable)
    #expect(server.service.calls.issueKeyCalls == 1)
  }

  @Test func disabledPolicyMakesOneAttempt() async throws {
    let server = try await FlakyServer.start(failing: 1)
    let rpc = try server.client(key: "partner-key", policy: .disabled)
    defer { rpc.close() }
    await #expect(throws: RPCError.self) {
      try await SoukOrdersV1.OrderService.Client(wrapping: rpc).placeOrder(Self.order())
    }
    await server.stop()
    #expect(server.service.calls.placeOrderKeys.count == 1)
  }

  @Test func overallDeadlineStopsRetriesEarly() async throws {
    let server = try await FlakyServer.start(failing: 100)
    var policy = RetryPolicy(
      maxAttempts: 100,
      backoff: Backoff(initial: .milliseconds(500), maximum: .milliseconds(500), jitter: 0),
      deadline: .milliseconds(1_750)
    )
    policy.retryableCodes = [.unavailable]
    let rpc = try server.client(key: "partner-key", policy: policy)
    defer { rpc.close() }
    await #expect(throws: RPCError.self) {
      try await SoukOrdersV1.OrderService.Client(wrapping: rpc).placeOrder(Self.order())
    }
    await server.stop()
    // Attempts at about 0, 500, 1,000 and 1,500 ms at most (fewer on a loaded machine, where an attempt takes
    // longer); a fifth would start after the deadline, long before the 100 attempts the policy allows.
    #expect((1...4).contains(server.service.calls.placeOrderKeys.count))
  }
}
