/// Every diagnostic of a schema that failed to compile, sorted by location.
public struct SchemaErrors: Error, Hashable, Sendable, CustomStringConvertible {
  public var diagnostics: [Diagnostic]

  public init(_ diagnostics: [Diagnostic]) {
    self.diagnostics = diagnostics.sorted { $0.location < $1.location }
  }

  public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}
