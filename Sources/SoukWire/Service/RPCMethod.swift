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
