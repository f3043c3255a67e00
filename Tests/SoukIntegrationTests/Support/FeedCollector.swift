import SoukAPI
import SoukServerTestSupport
import SoukTestSupport

/// The changes a catalog feed delivered so far, appended by the task reading the stream, and a wait, with a
/// deadline, for a condition on them.
final class FeedCollector: Sendable {
  private let received = Locked<[SoukCatalogV1.CatalogChange]>([])

  /// Records one delivered change.
  func append(_ change: SoukCatalogV1.CatalogChange) {
    self.received.withLock { $0.append(change) }
  }

  /// Every change delivered so far, in delivery order.
  var changes: [SoukCatalogV1.CatalogChange] { self.received.value }

  /// Waits (checking every 10 ms, at most `limit`) until `find` returns something for the changes so far, and
  /// returns it.
  ///
  /// - Throws: `TestFailure` naming `what` and listing the revisions delivered when the deadline passes.
  func waitFor<T>(
    _ what: String,
    within limit: Duration,
    _ find: ([SoukCatalogV1.CatalogChange]) -> T?
  ) async throws -> T {
    let deadline = ContinuousClock.now + limit
    while true {
      if let found = find(self.changes) { return found }
      guard ContinuousClock.now < deadline else {
        throw TestFailure("no \(what) within \(limit); revisions delivered: \(self.changes.map(\.revision))")
      }
      try await Task.sleep(for: .milliseconds(10))
    }
  }
}
