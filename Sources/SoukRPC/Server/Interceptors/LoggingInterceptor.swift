public import Logging
import SoukWire

/// Logs every call once it ends: method, caller, outcome code and duration; failures at `info`, successes at
/// `debug`, so a production log shows refusals and errors without one line per successful call.
public struct LoggingInterceptor: ServerInterceptor {
  private let logger: Logger

  /// Creates an interceptor that logs to `logger`.
  public init(logger: Logger) {
    self.logger = logger
  }

  public func intercept(
    context: ServerContext,
    next: @Sendable (ServerContext) async throws -> Void
  ) async throws {
    let start = ContinuousClock.now
    var metadata: Logger.Metadata = [
      "rpc.method": "\(context.descriptor.fullName)",
      "rpc.peer": "\(context.peer.remoteAddress)",
    ]
    do {
      try await next(context)
      metadata["rpc.code"] = "ok"
      metadata["rpc.duration_us"] = "\(Self.microseconds(since: start))"
      self.logger.debug("call succeeded", metadata: metadata)
    } catch {
      metadata["rpc.code"] = "\(RPCOutcome.code(of: error))"
      metadata["rpc.duration_us"] = "\(Self.microseconds(since: start))"
      self.logger.info("call failed", metadata: metadata)
      throw error
    }
  }

  private static func microseconds(since start: ContinuousClock.Instant) -> Int64 {
    let elapsed = ContinuousClock.now - start
    return elapsed.components.seconds * 1_000_000 + elapsed.components.attoseconds / 1_000_000_000_000
  }
}
