import SoukAPI
import Synchronization

/// Collects the fulfilment events a follower delivers, from the task that consumes it.
final class FulfilmentLog: Sendable {
  private let events = Mutex<[SoukOrdersV1.FulfilmentFeedEvent]>([])

  func record(_ event: SoukOrdersV1.FulfilmentFeedEvent) {
    self.events.withLock { $0.append(event) }
  }

  var all: [SoukOrdersV1.FulfilmentFeedEvent] {
    self.events.withLock { $0 }
  }

  /// Waits (polling every 20 ms) until a CAUGHT_UP marker has arrived.
  func waitUntilCaughtUp() async throws {
    while !self.all.contains(where: { $0.kind == .caughtUp }) {
      try await Task.sleep(for: .milliseconds(20))
    }
  }
}
