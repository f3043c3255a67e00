import Histogram

/// What one client worker counted inside the measured window; the workers' samples are merged at the end.
struct WorkerSample: Sendable {
  /// Latencies in nanoseconds.
  var latency = Measurement.newHistogram()
  /// Operations counted.
  var operations: UInt64 = 0

  /// Adds another worker's sample to this one.
  mutating func add(_ other: WorkerSample) {
    latency.add(other.latency)
    operations += other.operations
  }
}
