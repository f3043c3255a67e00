extension Array where Element == String {
  /// The non-empty elements joined with `separator`.
  func nonEmptyJoined(separator: String = ", ") -> String {
    self.filter { !$0.isEmpty }.joined(separator: separator)
  }
}
