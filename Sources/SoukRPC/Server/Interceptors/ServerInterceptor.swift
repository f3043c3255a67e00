/// Code that runs around every call on a server: logging, metrics, authentication, tracing.
///
/// Interceptors run in the order the server's configuration lists them, outermost first; each calls `next` to
/// run the rest (ending with the handler) and sees the error the call ends with.
public protocol ServerInterceptor: Sendable {
  /// Runs around the rest of the call; pass a changed context to `next` to change what later steps see.
  func intercept(
    context: ServerContext,
    next: @Sendable (ServerContext) async throws -> Void
  ) async throws
}
