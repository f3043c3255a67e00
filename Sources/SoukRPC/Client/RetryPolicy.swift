/// When and how a client repeats a call that failed: only a method the schema marks idempotent, only for a status
/// that says the server did not (or may not have) handled it, with backoff between attempts and a bound on the
/// time all attempts may take together.
///
/// A non-idempotent method is never retried, whatever the policy. A client-streaming or bidirectional call is
/// never retried (its requests cannot be replayed), nor a server-streaming call once a response has reached the
/// caller. Requests that carry an idempotency key (`IdempotentRequest`) are sent with the same key every attempt.
///
/// ```swift
/// var configuration = RPCClient.Configuration(host: "127.0.0.1", port: 7443, tls: .client())
/// configuration.retryPolicy = RetryPolicy(maxAttempts: 4, deadline: .seconds(20))
/// ```
public struct RetryPolicy: Sendable, Hashable {
  /// The most attempts of one call, the first included; 1 never retries.
  public var maxAttempts: Int
  /// The waits between attempts (with jitter, so clients that lost the same server do not return together).
  public var backoff: Backoff
  /// The longest all attempts and waits of one call may take together, measured from the first attempt; each
  /// attempt's deadline is cut to what remains. Nil bounds each attempt by the call's timeout alone.
  public var deadline: Duration?
  /// The statuses that make an idempotent call worth repeating: by default `unavailable`, which is also what a
  /// call sees when its connection broke after the request was sent.
  public var retryableCodes: Set<RPCError.Code>

  /// Creates a policy.
  public init(
    maxAttempts: Int = 5,
    backoff: Backoff = Backoff(initial: .milliseconds(100), maximum: .seconds(5)),
    deadline: Duration? = .seconds(30),
    retryableCodes: Set<RPCError.Code> = [.unavailable]
  ) {
    self.maxAttempts = maxAttempts
    self.backoff = backoff
    self.deadline = deadline
    self.retryableCodes = retryableCodes
  }

  /// One attempt per call: no retries.
  public static let disabled = RetryPolicy(maxAttempts: 1, deadline: nil)
}
