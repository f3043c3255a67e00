import SoukWire
import Synchronization

extension RPCClient {
  /// Runs `attempt` until it succeeds or the retry policy says stop: the method must be idempotent, the status
  /// retryable, no response may have reached the caller, and the next attempt must start within the policy's
  /// attempts and deadline. `attempt` gets the deadline of this attempt and a record of its progress.
  func withRetries<R>(
    _ descriptor: MethodDescriptor,
    options: CallOptions,
    _ attempt: (Duration, AttemptProgress) async throws -> R
  ) async throws -> R {
    let policy = options.retryPolicy ?? self.configuration.retryPolicy
    let callTimeout = options.timeout ?? self.configuration.defaultTimeout
    let clock = ContinuousClock()
    let end = policy.deadline.map { clock.now.advanced(by: $0) }
    var generator = SystemRandomNumberGenerator()
    var attempts = 0
    while true {
      attempts += 1
      let progress = AttemptProgress()
      var timeout = callTimeout
      if let end { timeout = min(timeout, clock.now.duration(to: end)) }
      do {
        return try await attempt(timeout, progress)
      } catch let error as RPCError {
        let retryable =
          descriptor.isIdempotent && policy.retryableCodes.contains(error.code) && !progress.hasResponded
          && attempts < policy.maxAttempts && !Task.isCancelled
        guard retryable else { throw error }
        let delay = policy.backoff.delay(afterFailures: attempts, using: &generator)
        if let end, clock.now.advanced(by: delay) >= end { throw error }
        do {
          try await Task.sleep(for: delay)
        } catch {
          throw RPCError(code: .cancelled, message: "the call was cancelled while waiting to retry", cause: error)
        }
      }
    }
  }

  /// The client's default metadata followed by the call's own.
  func callMetadata(_ metadata: Metadata) -> Metadata {
    guard !self.configuration.defaultMetadata.isEmpty else { return metadata }
    var combined = self.configuration.defaultMetadata
    for entry in metadata { combined.append(entry) }
    return combined
  }

  /// `request` with a new random idempotency key if it carries an empty one and the call may be retried, so that
  /// every attempt of the call sends the same key. Without retries the request goes as the caller made it (a
  /// server that requires the key says so).
  func withIdempotencyKey<Input: WireMessage>(_ request: Input, options: CallOptions) -> Input {
    let policy = options.retryPolicy ?? self.configuration.retryPolicy
    guard policy.maxAttempts > 1, var keyed = request as? any IdempotentRequest, keyed.idempotencyKey.isEmpty else {
      return request
    }
    keyed.idempotencyKey = Self.newIdempotencyKey()
    return (keyed as? Input) ?? request
  }

  /// A new idempotency key: 128 random bits as 32 lowercase hex digits, the one form every Souk client sends.
  public static func newIdempotencyKey() -> String {
    var generator = SystemRandomNumberGenerator()
    return [generator.next(), generator.next()]
      .map { (value: UInt64) in
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
      }
      .joined()
  }
}

/// Whether one attempt of a call has handed a response to the caller; once it has, the call is never repeated.
final class AttemptProgress: Sendable {
  private let respondedFlag = Atomic<Bool>(false)

  /// Records that a response reached the caller.
  func responded() {
    self.respondedFlag.store(true, ordering: .relaxed)
  }

  /// Whether a response reached the caller.
  var hasResponded: Bool {
    self.respondedFlag.load(ordering: .relaxed)
  }
}
