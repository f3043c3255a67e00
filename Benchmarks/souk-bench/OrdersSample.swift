import Histogram

/// What one caller of `souk-bench orders` counted; the callers' samples are merged at the end.
struct OrdersSample: Sendable {
  /// Latencies in nanoseconds of the orders counted.
  var latency = Measurement.newHistogram()
  /// Orders placed that were sent inside the measured window.
  var counted: UInt64 = 0
  /// Every order the server acknowledged, warm-up and window, to check against the units the store sold.
  var placed: UInt64 = 0
  /// Calls that failed, warm-up and window.
  var failures: UInt64 = 0
  /// What the first failure said.
  var firstFailure: String?

  /// Adds another caller's sample to this one.
  mutating func add(_ other: OrdersSample) {
    latency.add(other.latency)
    counted += other.counted
    placed += other.placed
    failures += other.failures
    firstFailure = firstFailure ?? other.firstFailure
  }
}
