import Synchronization

/// Whether one attempt of a call has handed a response to the caller; once it has, the call is never repeated.
final class AttemptProgress: Sendable {
  private let respondedFlag = Atomic<Bool>(false)

  /// Records that a response reached the caller.
  func responded() {
    self.respondedFlag.store(true, ordering: .relaxed)
  }

  /// Whether a response reached the caller.
  var hasResponded: Bool {
    self.respondedFlag.load(ordering: .relaxed)
  }
}
