extension Dictionary where Key: WireMapKey {
  /// The entries in the order canonical encoding writes them: ascending by ``WireMapKey/wireOrder(_:_:)``.
  @inlinable
  public func sortedByWireKey() -> [(key: Key, value: Value)] {
    if self.isEmpty { return [] }
    return self.sorted { Key.wireOrder($0.key, $1.key) }
  }
}
