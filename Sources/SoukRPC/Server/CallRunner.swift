/// Runs one call's handler inside the server's interceptors and ends the call with its outcome.
struct CallRunner: Sendable {
  let interceptors: [any ServerInterceptor]

  func run(_ call: ServerCall, route: RPCRouter.Route, context: ServerContext) async {
    let outcome: Result<Void, any Error>
    do {
      try await self.intercept(from: 0, context: context) { context in
        try await route.run(call, context)
      }
      outcome = .success(())
    } catch {
      outcome = .failure(error)
    }
    call.finish(outcome, deadline: context.deadline)
  }

  private func intercept(
    from index: Int,
    context: ServerContext,
    last: @escaping @Sendable (ServerContext) async throws -> Void
  ) async throws {
    guard index < self.interceptors.count else {
      return try await last(context)
    }
    try await self.interceptors[index].intercept(context: context) { context in
      try await self.intercept(from: index + 1, context: context, last: last)
    }
  }
}
