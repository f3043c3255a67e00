import Synchronization

/// A feed follower's resume point: the greatest position delivered, and whether the current call delivered
/// anything (which resets the backoff).
final class FeedCursor: Sendable {
  private struct State {
    var last: UInt64
    var progressed = false
  }

  private let state: Mutex<State>

  init(after position: UInt64) {
    self.state = Mutex(State(last: position))
  }

  /// The greatest position delivered (or the starting point).
  var last: UInt64 {
    self.state.withLock { $0.last }
  }

  /// Moves the resume point to `position` if it is past it; false (deliver nothing) otherwise.
  func advance(to position: UInt64) -> Bool {
    self.state.withLock { state in
      guard position > state.last else { return false }
      state.last = position
      state.progressed = true
      return true
    }
  }

  /// Whether anything new was delivered since the last time this was asked.
  func takeProgress() -> Bool {
    self.state.withLock { state in
      defer { state.progressed = false }
      return state.progressed
    }
  }
}
