/// Why one cell of a product sheet cannot be used, for a person (the line and column are added by the caller).
public struct ProductFieldError: Error, Sendable, Hashable, CustomStringConvertible {
  /// The reason, e.g. `'45,5x' is not an amount in dirhams`.
  public var description: String

  /// Creates an error with its reason.
  public init(_ description: String) {
    self.description = description
  }
}
