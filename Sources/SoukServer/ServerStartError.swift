/// Why `souk serve` could not start, in words for the operator, with the underlying error.
public struct ServerStartError: Error, CustomStringConvertible {
  /// What could not be done, e.g. "cannot open the PostgreSQL store at postgres://souk:***@db:5432/souk".
  public let message: String
  /// The error that stopped it.
  public let cause: any Error

  /// An error saying `message`, caused by `cause`.
  public init(_ message: String, cause: any Error) {
    self.message = message
    self.cause = cause
  }

  /// The message and the cause, as `souk serve` prints them when it exits.
  public var description: String {
    "\(self.message): \(String(reflecting: self.cause))"
  }
}
