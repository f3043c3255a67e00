/// A precondition of a test that did not hold.
struct CoopTestFailure: Error, CustomStringConvertible {
  let description: String
  init(_ description: String) { self.description = description }
}
