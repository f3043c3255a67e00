import SoukAPI
import SoukStore

/// What one action of ``FulfilmentStateMachine`` has produced so far: its history entries and stock releases,
/// with the actor, time and reason every entry carries.
struct LifecycleStep {
  /// Who acts.
  var caller: Caller
  /// When.
  var time: SoukCommonV1.Timestamp
  /// The reason the caller gave; empty when the action takes none.
  var reason = ""
  /// History entries, in order.
  var events: [SoukOrdersV1.OrderEvent] = []
  /// Units to put back, by product id.
  var releases: [String: Int64] = [:]

  init(caller: Caller, time: SoukCommonV1.Timestamp) {
    self.caller = caller
    self.time = time
  }

  /// Appends an entry for `change`.
  mutating func record(_ change: SoukOrdersV1.OrderEvent.Change) {
    var event = SoukOrdersV1.OrderEvent()
    event.occurredAt = self.time
    event.actor = self.caller.principal
    event.apiKeyPrefix = self.caller.apiKeyPrefix
    event.reason = self.reason
    event.change = change
    self.events.append(event)
  }
}
