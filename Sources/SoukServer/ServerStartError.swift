/// Why `souk serve` could not start, in words for the operator, with the underlying error.
public struct ServerStartError: Error, CustomStringConvertible {
  /// What could not be done and why, e.g. "cannot open the PostgreSQL store at postgres://souk:***@db:5432/souk:
  /// PostgreSQL connection error: connectionError".
  public let message: String
  /// The error that stopped it, for a debugger.
  public let cause: any Error

  /// An error saying `message`, caused by `cause`.
  public init(_ message: String, cause: any Error) {
    self.message = message
    self.cause = cause
  }

  /// The message, as `souk serve` prints it when it exits.
  public var description: String { self.message }
}
