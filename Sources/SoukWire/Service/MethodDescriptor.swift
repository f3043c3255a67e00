/// The description of one RPC method, as the schema declares it; routers and clients are driven by it.
public struct MethodDescriptor: Hashable, Sendable {
  /// The service's fully qualified name, e.g. `souk.catalog.v1.CatalogService`.
  public var service: String
  /// The method's name as written in the schema, e.g. `GetProduct`.
  public var name: String
  /// Whether requests and responses are single messages or streams.
  public var kind: MethodKind
  /// The fully qualified name of the request message.
  public var inputType: String
  /// The fully qualified name of the response message.
  public var outputType: String
  /// The roles allowed to call the method; never empty for a method from a checked schema.
  public var roles: Set<CallerRole>
  /// Whether calling the method twice with the same request has the same effect as calling it once.
  public var isIdempotent: Bool
  /// Whether the schema marks the method deprecated.
  public var isDeprecated: Bool

  /// Creates a method descriptor.
  public init(
    service: String,
    name: String,
    kind: MethodKind,
    inputType: String,
    outputType: String,
    roles: Set<CallerRole>,
    isIdempotent: Bool,
    isDeprecated: Bool = false
  ) {
    self.service = service
    self.name = name
    self.kind = kind
    self.inputType = inputType
    self.outputType = outputType
    self.roles = roles
    self.isIdempotent = isIdempotent
    self.isDeprecated = isDeprecated
  }

  /// The method's path on the wire, `service/name`, e.g. `souk.catalog.v1.CatalogService/GetProduct`.
  public var fullName: String {
    "\(self.service)/\(self.name)"
  }
}
