/// A service: a named group of methods.
public struct ServiceDecl: Hashable, Sendable {
  public var name: TypeName
  public var methods: [MethodDecl]
  public var isDeprecated: Bool
  public var documentation: Documentation
  public var location: SourceLocation

  public init(
    name: TypeName, methods: [MethodDecl], isDeprecated: Bool = false, documentation: Documentation = .init(lines: []),
    location: SourceLocation
  ) {
    self.name = name
    self.methods = methods
    self.isDeprecated = isDeprecated
    self.documentation = documentation
    self.location = location
  }
}
