/// What a write transaction returns to ``SQLiteMarketStore``: the value for the caller, and whether the commit
/// changed the catalog or the fulfilment feed (so watchers must be woken).
struct WriteResult<Value: Sendable>: Sendable {
  /// The method's result.
  var value: Value
  /// True when the commit changed the catalog or the fulfilment feed.
  var notifies: Bool

  /// Creates a result.
  init(_ value: Value, notifies: Bool) {
    self.value = value
    self.notifies = notifies
  }
}
