/// Per-call settings a client may choose.
public struct CallOptions: Sendable, Hashable {
  /// The time the call (each attempt of it) may take, enforced by both sides; nil uses the client's default
  /// timeout.
  public var timeout: Duration?
  /// The retry policy of this call; nil uses the client's (``RPCClient/Configuration/retryPolicy``).
  public var retryPolicy: RetryPolicy?

  /// Creates options.
  public init(timeout: Duration? = nil, retryPolicy: RetryPolicy? = nil) {
    self.timeout = timeout
    self.retryPolicy = retryPolicy
  }

  /// The client's defaults.
  public static let defaults = CallOptions()
}
