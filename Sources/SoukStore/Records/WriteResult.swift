/// What a write transaction returns to its store: the value for the caller, and whether the commit
/// changed the catalog or the fulfilment feed (so watchers must be woken).
package struct WriteResult<Value: Sendable>: Sendable {
  /// The method's result.
  package var value: Value
  /// True when the commit changed the catalog or the fulfilment feed.
  package var notifies: Bool

  /// Creates a result.
  package init(_ value: Value, notifies: Bool) {
    self.value = value
    self.notifies = notifies
  }
}
