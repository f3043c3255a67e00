package import NIOCore

/// When to ping a peer and when to give up on it, as a value: the handler reports reads and ticks, and this
/// says whether to send a PING or to close a connection whose peer has gone silent.
///
/// Mobile networks drop packets silently instead of closing: without pings a dead peer would hold its calls
/// open until TCP gave up, minutes later.
package struct Keepalive {
  /// After this long without receiving anything, send a PING.
  package let interval: TimeAmount
  /// After sending a PING, close if nothing at all arrives within this long.
  package let timeout: TimeAmount
  private var lastReceive: NIODeadline
  private var pingSentAt: NIODeadline?

  package enum Action: Equatable {
    case none
    case sendPing
    case close
  }

  package init(interval: TimeAmount, timeout: TimeAmount, now: NIODeadline) {
    self.interval = interval
    self.timeout = timeout
    self.lastReceive = now
  }

  /// Records that bytes arrived from the peer.
  package mutating func received(at now: NIODeadline) {
    self.lastReceive = now
    self.pingSentAt = nil
  }

  /// Decides what to do at a periodic tick.
  package mutating func tick(at now: NIODeadline) -> Action {
    if let sentAt = self.pingSentAt {
      return now - sentAt >= self.timeout ? .close : .none
    }
    guard now - self.lastReceive >= self.interval else { return .none }
    self.pingSentAt = now
    return .sendPing
  }

  /// How often the handler should tick: often enough to notice both deadlines promptly.
  package var tickInterval: TimeAmount {
    .nanoseconds(max(min(self.interval.nanoseconds, self.timeout.nanoseconds) / 4, 1_000_000))
  }
}
