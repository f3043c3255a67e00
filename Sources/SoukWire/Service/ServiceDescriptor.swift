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
