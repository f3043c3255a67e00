/// A precondition of a test that did not hold.
package struct TestFailure: Error, CustomStringConvertible {
  /// What did not hold.
  package let description: String

  /// A failure that says `description`.
  package init(_ description: String) { self.description = description }
}
