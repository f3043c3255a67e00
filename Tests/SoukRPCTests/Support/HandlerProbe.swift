import Synchronization

/// Records what a handler observed about its own call, so a test can check that a client's cancellation or a
/// deadline reached the server's handler (not just the client).
final class HandlerProbe: Sendable {
  /// What one sleeping handler saw.
  struct Observation: Sendable, Equatable {
    var cancelled: Bool
    var elapsed: Duration
  }

  private let state = Mutex<(started: Int, observations: [Observation])>((0, []))
  private let events: AsyncStream<Observation>
  private let continuation: AsyncStream<Observation>.Continuation
  private let starts: AsyncStream<Void>
  private let startContinuation: AsyncStream<Void>.Continuation

  init() {
    (self.events, self.continuation) = AsyncStream.makeStream()
    (self.starts, self.startContinuation) = AsyncStream.makeStream()
  }

  /// Waits until the next handler starts sleeping.
  func nextStart() async {
    var iterator = self.starts.makeAsyncIterator()
    await iterator.next()
  }

  /// Sleeps like a slow handler, recording whether the sleep was cancelled and after how long.
  func sleep(for duration: Duration) async throws {
    let start = ContinuousClock.now
    self.state.withLock { $0.started += 1 }
    self.startContinuation.yield()
    do {
      try await Task.sleep(for: duration)
      self.record(Observation(cancelled: false, elapsed: ContinuousClock.now - start))
    } catch {
      self.record(Observation(cancelled: true, elapsed: ContinuousClock.now - start))
      throw error
    }
  }

  /// The number of sleeps started.
  var started: Int { self.state.withLock { $0.started } }

  /// Waits for the next handler to finish sleeping (or be cancelled).
  func nextObservation() async -> Observation? {
    var iterator = self.events.makeAsyncIterator()
    return await iterator.next()
  }

  private func record(_ observation: Observation) {
    self.state.withLock { $0.observations.append(observation) }
    self.continuation.yield(observation)
  }
}
