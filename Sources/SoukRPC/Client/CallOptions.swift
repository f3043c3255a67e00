/// Per-call settings a client may choose.
public struct CallOptions: Sendable, Hashable {
  /// The time the call may take, enforced by both sides; nil uses the client's default timeout.
  public var timeout: Duration?

  /// Creates options.
  public init(timeout: Duration? = nil) {
    self.timeout = timeout
  }

  /// The client's defaults.
  public static let defaults = CallOptions()
}
