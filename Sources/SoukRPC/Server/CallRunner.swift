/// Runs one call's handler inside the server's interceptors, after authentication and the role check, and
/// ends the call with its outcome.
struct CallRunner: Sendable {
  let interceptors: [any ServerInterceptor]
  let authenticator: (any Authenticator)?

  func run(_ call: ServerCall, route: RPCRouter.Route, context: ServerContext) async {
    let outcome: Result<Void, any Error>
    do {
      try await self.intercept(from: 0, context: context) { context in
        try await self.authorizeAndHandle(call, route: route, context: context)
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

  private func authorizeAndHandle(_ call: ServerCall, route: RPCRouter.Route, context: ServerContext) async throws {
    var context = context
    if let authenticator = self.authenticator, context.principal == nil {
      context.principal = try await authenticator.authenticate(metadata: context.requestMetadata, peer: context.peer)
    }
    try RoleCheck.enforce(route.descriptor, principal: context.principal)
    try await route.run(call, context)
  }
}
