import SoukAPI
import Synchronization

/// Collects what a follower delivers, from the task that consumes it, and lets a test wait for a condition.
final class FeedRecorder: Sendable {
  private let changes = Mutex<[SoukCatalogV1.CatalogChange]>([])

  func record(_ change: SoukCatalogV1.CatalogChange) {
    self.changes.withLock { $0.append(change) }
  }

  var all: [SoukCatalogV1.CatalogChange] {
    self.changes.withLock { $0 }
  }

  /// Waits (polling every 20 ms) until `condition` holds for the changes so far.
  func wait(
    for what: String,
    _ condition: @escaping @Sendable ([SoukCatalogV1.CatalogChange]) -> Bool
  ) async throws {
    while !condition(self.all) {
      try await Task.sleep(for: .milliseconds(20))
    }
  }
}
