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

/// One remote procedure of a service.
public struct MethodDecl: Hashable, Sendable {
  /// The method's name as written, e.g. `GetProduct`.
  public var name: String
  public var input: TypeName
  public var output: TypeName
  /// `rpc M(stream In) ...`: the client sends a stream of messages.
  public var clientStreaming: Bool
  /// `... returns (stream Out)`: the server replies with a stream of messages.
  public var serverStreaming: Bool
  /// Who may call the method (`option roles = [...]`); never empty.
  public var roles: Set<Role>
  /// `option idempotent = true`: safe to retry with the same idempotency key.
  public var isIdempotent: Bool
  public var isDeprecated: Bool
  public var documentation: Documentation
  public var location: SourceLocation

  public init(
    name: String, input: TypeName, output: TypeName, clientStreaming: Bool = false, serverStreaming: Bool = false,
    roles: Set<Role>, isIdempotent: Bool = false, isDeprecated: Bool = false,
    documentation: Documentation = .init(lines: []), location: SourceLocation
  ) {
    self.name = name
    self.input = input
    self.output = output
    self.clientStreaming = clientStreaming
    self.serverStreaming = serverStreaming
    self.roles = roles
    self.isIdempotent = isIdempotent
    self.isDeprecated = isDeprecated
    self.documentation = documentation
    self.location = location
  }
}
