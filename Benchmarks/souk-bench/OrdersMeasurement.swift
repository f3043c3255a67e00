import Histogram

/// What one configuration of `souk-bench orders` measured.
struct OrdersMeasurement: Sendable {
  /// The configuration measured.
  var configuration: OrdersConfiguration
  /// The callers' merged counts and latencies.
  var sample: OrdersSample
  /// Length of the measured window (warm-up excluded).
  var seconds: Double
  /// The `souk serve` instances' CPU time over the window, all instances together.
  var soukCPU: Duration
  /// This process's CPU time over the window (the callers, their TLS and their encoding).
  var clientCPU: Duration
  /// The share of the machine's cores busy over the window, whatever ran on them (PostgreSQL included).
  var machineBusy: Double
  /// The units the store sold by the end, read back through the catalog: must equal ``OrdersSample/placed``.
  var unitsSold: Int64

  /// Orders placed per second.
  var rate: Double { seconds > 0 ? Double(sample.counted) / seconds : 0 }

  /// CPU time per order counted, in microseconds.
  func microsecondsPerOrder(_ time: Duration) -> Double {
    sample.counted > 0 ? time.seconds * 1_000_000 / Double(sample.counted) : 0
  }
}
