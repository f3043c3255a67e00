import NIOCore
import SoukInteropService
import Testing

@testable import SoukRPC

/// A peer that stops answering without closing (packets dropped, as on a mobile network in the field) is
/// detected by keepalive pings within the configured interval plus timeout.
@Suite("Keepalive")
struct KeepaliveTests {
  @Test func aSilentServerIsDetectedAndTheCallFailsUnavailable() async throws {
    let server = try await TestServer.start()
    let proxy = try await BlackholeProxy.start(targetPort: server.port)
    var configuration = server.clientConfiguration()
    configuration.port = proxy.port
    configuration.keepaliveInterval = .seconds(1)
    configuration.keepaliveTimeout = .seconds(2)
    let client = try RPCClient(configuration: configuration)
    defer {
      client.close()
      Task {
        await proxy.close()
        await server.server.shutDown(gracePeriod: .seconds(1))
      }
    }
    _ = try await client.unary(TestService.Method.EmptyCall.self, request: Empty())

    let call = Task {
      var request = SimpleRequest()
      request.sleepMicros = 30_000_000
      return try await client.unary(TestService.Method.UnaryCall.self, request: request)
    }
    await server.probe.nextStart()
    proxy.startDropping()
    let started = ContinuousClock.now
    let error = await #expect(throws: RPCError.self) { try await call.value }
    #expect(error?.code == .unavailable)
    // interval (1 s) + timeout (2 s), with the tick granularity and a loaded machine: well under the call's 30 s.
    #expect(ContinuousClock.now - started < .seconds(12))
  }
}
