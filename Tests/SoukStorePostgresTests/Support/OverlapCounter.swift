import Synchronization

/// Counts how many tasks are inside a section at once, and the most there ever were.
final class OverlapCounter: Sendable {
  private let counts = Mutex((inside: 0, most: 0))

  /// Notes a task entering the section.
  func enter() {
    counts.withLock {
      $0.inside += 1
      $0.most = max($0.most, $0.inside)
    }
  }

  /// Notes a task leaving the section.
  func leave() { counts.withLock { $0.inside -= 1 } }

  /// The most tasks that were inside at once.
  var most: Int { counts.withLock { $0.most } }
}
