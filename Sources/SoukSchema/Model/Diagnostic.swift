/// One problem found in a schema, printed the way a compiler prints it:
/// `catalog.souk:12:5: error: field number 3 is already used by 'name'`.
public struct Diagnostic: Hashable, Sendable, CustomStringConvertible {
  /// How serious a diagnostic is.
  public enum Severity: String, Hashable, Sendable {
    case error
    case warning
  }

  public var severity: Severity
  public var message: String
  public var location: SourceLocation

  public init(_ severity: Severity = .error, _ message: String, at location: SourceLocation) {
    self.severity = severity
    self.message = message
    self.location = location
  }

  public var description: String { "\(location): \(severity.rawValue): \(message)" }
}

/// Every diagnostic of a schema that failed to compile, sorted by location.
public struct SchemaErrors: Error, Hashable, Sendable, CustomStringConvertible {
  public var diagnostics: [Diagnostic]

  public init(_ diagnostics: [Diagnostic]) {
    self.diagnostics = diagnostics.sorted { $0.location < $1.location }
  }

  public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}
