import Foundation
import Synchronization

/// Wakes every subscriber after a commit: each subscriber holds an `AsyncStream<Void>` that keeps at most one
/// pending element, so a slow reader sees one wake-up for many commits.
package final class ChangeBroadcaster: Sendable {
  /// The continuations of the streams still being read, by subscription.
  private let continuations = Mutex<[UUID: AsyncStream<Void>.Continuation]>([:])

  /// Creates a broadcaster with no subscriber.
  package init() {}

  /// A new stream that yields after each later ``signal()``; it unsubscribes itself when it terminates.
  package func subscribe() -> AsyncStream<Void> {
    let (stream, continuation) = AsyncStream<Void>.makeStream(bufferingPolicy: .bufferingNewest(1))
    let id = UUID()
    continuation.onTermination = { [weak self] _ in
      self?.continuations.withLock { _ = $0.removeValue(forKey: id) }
    }
    continuations.withLock { $0[id] = continuation }
    return stream
  }

  /// Wakes every subscriber.
  package func signal() {
    let current = continuations.withLock { Array($0.values) }
    for continuation in current {
      continuation.yield()
    }
  }

  /// Ends every stream (when the store goes away).
  package func finishAll() {
    let current = continuations.withLock { continuations in
      defer { continuations.removeAll() }
      return Array(continuations.values)
    }
    for continuation in current {
      continuation.finish()
    }
  }
}
