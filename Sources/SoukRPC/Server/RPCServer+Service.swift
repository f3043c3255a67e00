public import ServiceLifecycle

extension RPCServer: Service {
  /// Serves until the service group shuts down gracefully (SIGTERM, say) or the task is cancelled: starts
  /// listening unless ``start()`` already did, then, on either, stops taking calls and lets the running ones finish
  /// within the grace period (``shutDown(gracePeriod:)``) before it returns.
  ///
  /// - Throws: what ``start()`` throws, when it has to start.
  public func run() async throws {
    if self.localAddress == nil { try await self.start() }
    // Returns on graceful shutdown; throws on cancellation. Either way, drain.
    try? await gracefulShutdown()
    await self.shutDown()
  }
}
