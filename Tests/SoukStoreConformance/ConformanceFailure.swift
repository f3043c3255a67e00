/// A conformance check's own failure, thrown where `#expect` cannot be used (inside a store's closure).
struct ConformanceFailure: Error, CustomStringConvertible {
  /// What went wrong.
  var description: String

  /// Creates a failure.
  init(_ description: String) {
    self.description = description
  }
}
