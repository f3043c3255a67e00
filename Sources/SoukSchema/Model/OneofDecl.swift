/// A `oneof` group: at most one of its fields is set.
public struct OneofDecl: Hashable, Sendable {
  public var name: String
  /// The names of the member fields, in declaration order; the fields themselves are in ``MessageDecl/fields``.
  public var fieldNames: [String]
  public var documentation: Documentation
  public var location: SourceLocation

  public init(
    name: String, fieldNames: [String], documentation: Documentation = .init(lines: []), location: SourceLocation
  ) {
    self.name = name
    self.fieldNames = fieldNames
    self.documentation = documentation
    self.location = location
  }
}
