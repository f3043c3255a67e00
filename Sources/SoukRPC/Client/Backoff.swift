/// Exponential backoff with jitter between reconnection attempts, so clients that lost the same server do not
/// all come back at the same instant.
public struct Backoff: Sendable, Hashable {
  /// The delay after the first failure.
  public var initial: Duration
  /// The longest delay.
  public var maximum: Duration
  /// The factor each further failure multiplies the delay by.
  public var multiplier: Double
  /// The fraction (0...1) by which each delay is randomly shortened or lengthened.
  public var jitter: Double

  /// Creates a backoff policy.
  public init(
    initial: Duration = .milliseconds(200),
    maximum: Duration = .seconds(30),
    multiplier: Double = 1.6,
    jitter: Double = 0.2
  ) {
    self.initial = initial
    self.maximum = maximum
    self.multiplier = multiplier
    self.jitter = jitter
  }

  /// The delay before the next attempt after `failures` consecutive failures, with jitter from `generator`.
  public func delay(afterFailures failures: Int, using generator: inout some RandomNumberGenerator) -> Duration {
    var delay = self.initial
    for _ in 1..<max(failures, 1) where delay < self.maximum {
      delay = delay * self.multiplier
    }
    let spread = 1 + Double.random(in: -self.jitter...self.jitter, using: &generator)
    return min(delay, self.maximum) * max(spread, 0)
  }
}
