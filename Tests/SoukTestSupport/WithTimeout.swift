import Synchronization

/// Runs `body`, failing with ``TestTimeout`` after `limit`, so that a broken peer fails a test instead of
/// hanging the run. A body that never finishes is abandoned (it may wait on a future that never completes).
package func withTimeout<Result: Sendable>(
  _ limit: Duration = .seconds(30),
  _ what: String = "the test step",
  _ body: @escaping @Sendable () async throws -> Result
) async throws -> Result {
  let resumed = ResumeOnce()
  return try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Result, any Error>) in
    let work = Task {
      do {
        let result = try await body()
        if resumed.claim() { continuation.resume(returning: result) }
      } catch {
        if resumed.claim() { continuation.resume(throwing: error) }
      }
    }
    Task {
      try? await Task.sleep(for: limit)
      if resumed.claim() {
        work.cancel()
        continuation.resume(throwing: TestTimeout(description: "\(what) did not finish within \(limit)"))
      }
    }
  }
}

/// Lets exactly one of several racing tasks resume a continuation.
private final class ResumeOnce: Sendable {
  private let done = Atomic<Bool>(false)

  /// True for the first caller only.
  func claim() -> Bool {
    !done.exchange(true, ordering: .acquiringAndReleasing)
  }
}
