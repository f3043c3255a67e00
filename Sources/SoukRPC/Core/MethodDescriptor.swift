public import SoukWire

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
  /// The names of the roles the schema allows to call the method (`option roles`, e.g. `partner`), for an
  /// authorization interceptor to check; the RPC layer gives them no meaning. Never empty for a checked schema.
  public var roles: Set<String>
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
    roles: Set<String>,
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

/// Whether each side of a call sends one message or a stream of them.
public enum MethodKind: Hashable, Sendable {
  /// One request, one response.
  case unary
  /// One request, a stream of responses.
  case serverStreaming
  /// A stream of requests, one response.
  case clientStreaming
  /// A stream each way.
  case bidirectionalStreaming
}

/// The description of one service: its name and its methods in schema order.
public struct ServiceDescriptor: Hashable, Sendable {
  /// The service's fully qualified name, e.g. `souk.catalog.v1.CatalogService`.
  public var fullName: String
  /// The service's methods, in the order the schema declares them.
  public var methods: [MethodDescriptor]

  /// Creates a service descriptor.
  public init(fullName: String, methods: [MethodDescriptor]) {
    self.fullName = fullName
    self.methods = methods
  }
}

/// A method of a service as a type: its request and response messages and its descriptor.
///
/// Generated code declares one conforming enum per schema method (`CatalogService.Method.GetProduct`), so
/// routers and clients are written once, generically, and a call can never pair a method with the wrong types.
public protocol RPCMethod {
  /// The request message.
  associatedtype Input: WireMessage
  /// The response message.
  associatedtype Output: WireMessage
  /// The method as the schema declares it.
  static var descriptor: MethodDescriptor { get }
}
