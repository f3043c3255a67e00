import Synchronization

/// A value several tasks share, behind a lock; a class so that escaping closures can capture it.
package final class Locked<Value: Sendable>: Sendable {
  private let mutex: Mutex<Value>

  /// A box holding `value`.
  package init(_ value: Value) {
    self.mutex = Mutex(value)
  }

  /// Runs `body` with the value locked.
  package func withLock<Result: Sendable>(_ body: (inout sending Value) -> sending Result) -> sending Result {
    self.mutex.withLock(body)
  }

  /// The value now.
  package var value: Value { self.mutex.withLock { $0 } }
}
