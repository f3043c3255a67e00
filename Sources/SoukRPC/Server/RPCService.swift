/// A service a server hosts: it registers a handler for each of its methods with a router.
///
/// Generated server protocols conform through a protocol extension, so an implementation only writes the
/// methods.
public protocol RPCService: Sendable {
  /// Registers every method of the service.
  func registerMethods(with router: inout RPCRouter)
}
