package import Foundation
import Synchronization

/// Collects a child's output as it arrives, and lets a test wait until a line matching a condition shows up.
package final class LineCollector: Sendable {
  private let text = Mutex("")

  /// An empty collector.
  package init() {}

  /// Appends a chunk of output.
  package func append(_ data: Data) {
    self.text.withLock { $0 += String(decoding: data, as: UTF8.self) }
  }

  /// The complete lines so far.
  package var lines: [String] {
    self.text.withLock { text in text.split(separator: "\n", omittingEmptySubsequences: true).map(String.init) }
  }

  /// Waits (polling every 50 ms, at most `limit`) until some line satisfies `condition`, and returns it.
  package func waitForLine(
    _ what: String,
    within limit: Duration = .seconds(30),
    where condition: @escaping @Sendable (String) -> Bool
  ) async throws -> String {
    let deadline = ContinuousClock.now + limit
    while ContinuousClock.now < deadline {
      if let line = self.lines.first(where: condition) { return line }
      try await Task.sleep(for: .milliseconds(50))
    }
    throw TestFailure("no line with \(what) within \(limit); output so far: \(self.lines)")
  }
}
