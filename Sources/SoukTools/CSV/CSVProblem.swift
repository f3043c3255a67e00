/// Something wrong in a CSV file, at the physical line where the record it concerns starts (1-based).
public struct CSVProblem: Error, Sendable, Hashable, CustomStringConvertible {
  /// The physical line (1-based) where the record starts, or where the bad bytes are.
  public var line: Int
  /// What is wrong, for a person.
  public var reason: String

  /// Creates a problem at `line`.
  public init(line: Int, reason: String) {
    self.line = line
    self.reason = reason
  }

  /// `line N: reason`.
  public var description: String { "line \(self.line): \(self.reason)" }
}
