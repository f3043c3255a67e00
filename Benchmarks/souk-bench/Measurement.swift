import Histogram

/// What one workload measured: the operations completed in the measured window, their latency distribution and
/// the server's CPU time over the same window.
struct Measurement: Sendable {
  /// The workload measured.
  var workload: Workload
  /// Operations counted: calls started, stream messages received or connections started within the window.
  var operations: UInt64
  /// Length of the measured window (warm-up excluded).
  var seconds: Double
  /// Latencies in nanoseconds (see ``Workload/latencyMeaning``).
  var latency: Histogram<UInt64>
  /// The server process's user + system CPU time over the window.
  var serverCPU: Duration

  /// Operations per second.
  var rate: Double { seconds > 0 ? Double(operations) / seconds : 0 }

  /// Server CPU time per operation, in microseconds.
  var serverCPUMicrosecondsPerOperation: Double {
    operations > 0 ? serverCPU.seconds * 1_000_000 / Double(operations) : 0
  }

  /// An empty latency histogram: 1 ns to 60 s, three significant digits. Every worker records into its own and
  /// they are merged at the end, so recording never takes a lock.
  static func newHistogram() -> Histogram<UInt64> {
    Histogram(highestTrackableValue: 60_000_000_000, numberOfSignificantValueDigits: .three)
  }
}
