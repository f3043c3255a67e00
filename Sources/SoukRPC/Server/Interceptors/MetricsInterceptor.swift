public import CoreMetrics
import SoukWire

/// Counts calls by method and outcome code (`souk_rpc_calls_total`) and times them (`souk_rpc_call_duration`),
/// through swift-metrics, so any backend (Prometheus, StatsD) sees them.
public struct MetricsInterceptor: ServerInterceptor {
  private let factory: any MetricsFactory

  /// Creates an interceptor reporting to `factory` (the process's bootstrapped factory by default).
  public init(factory: any MetricsFactory = MetricsSystem.factory) {
    self.factory = factory
  }

  public func intercept(
    context: ServerContext,
    next: @Sendable (ServerContext) async throws -> Void
  ) async throws {
    let start = ContinuousClock.now
    let method = context.descriptor.fullName
    var code = RPCError.Code.ok
    defer {
      let dimensions = [("method", method), ("code", code.description)]
      Counter(label: "souk_rpc_calls_total", dimensions: dimensions, factory: self.factory).increment()
      let elapsed = ContinuousClock.now - start
      let nanoseconds = elapsed.components.seconds * 1_000_000_000 + elapsed.components.attoseconds / 1_000_000_000
      Timer(label: "souk_rpc_call_duration", dimensions: [("method", method)], factory: self.factory)
        .recordNanoseconds(nanoseconds)
    }
    do {
      try await next(context)
    } catch {
      code = RPCOutcome.code(of: error)
      throw error
    }
  }
}
