/// A test step took longer than it may; thrown by ``withTimeout(_:_:_:)``.
package struct TestTimeout: Error, CustomStringConvertible {
  /// What did not finish, and within what limit.
  package var description: String
}
