/// The measured part of a workload's run: it starts after the warm-up and lasts the given duration. Operations
/// outside it are performed but not counted, and the server's CPU time is sampled at its two ends.
struct MeasurementWindow: Sendable {
  /// When counting starts (the warm-up ends).
  let start: ContinuousClock.Instant
  /// When counting ends; no new operation starts after it.
  let end: ContinuousClock.Instant

  /// A window starting `warmUp` from now.
  init(warmUp: Duration, duration: Duration) {
    start = ContinuousClock.now + warmUp
    end = start + duration
  }

  /// Length of the window in seconds.
  var seconds: Double { (end - start).seconds }

  /// Whether an operation started (or a message arrived) at `instant` counts.
  func contains(_ instant: ContinuousClock.Instant) -> Bool {
    instant >= start && instant < end
  }

  /// The server's CPU time between the window's start and end: waits until the end.
  func serverCPU(of server: ServerProcess) async throws -> Duration {
    try await Task.sleep(until: start, clock: .continuous)
    let before = try server.cpuTime()
    try await Task.sleep(until: end, clock: .continuous)
    return try server.cpuTime() - before
  }
}
