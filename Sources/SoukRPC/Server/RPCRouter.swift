import SoukWire

/// The methods a server can run, by full name (`package.Service/Method`), built from the generated descriptors.
///
/// The server looks up each CALL here: an unknown service or method ends the call with
/// ``RPCError/Code-swift.struct/unimplemented`` before any handler runs.
public struct RPCRouter: Sendable {
  private(set) var routes: [String: Route] = [:]

  /// Creates an empty router.
  public init() {}

  /// Creates a router with every method of `services`.
  public init(services: [any RPCService]) {
    for service in services {
      service.registerMethods(with: &self)
    }
  }

  /// The descriptors of every registered method.
  public var methods: [MethodDescriptor] {
    self.routes.values.map(\.descriptor).sorted { $0.fullName < $1.fullName }
  }

  /// Whether some method of the service named `serviceName` is registered.
  public func hasService(_ serviceName: String) -> Bool {
    self.routes.values.contains { $0.descriptor.service == serviceName }
  }

  /// The route for a full method name.
  package func route(for fullName: String) -> Route? {
    self.routes[fullName]
  }

  /// Registers a unary method: one request in, one response out.
  public mutating func register<M: RPCMethod>(
    _ method: M.Type,
    unary handler: @escaping @Sendable (M.Input, ServerContext) async throws -> M.Output
  ) {
    self.add(M.descriptor) { call, context in
      let request = try call.decodeSingleRequest(M.Input.self)
      let response = try await handler(request, context)
      try await call.write(response)
    }
  }

  /// Registers a server-streaming method: one request in, a stream of responses out.
  public mutating func register<M: RPCMethod>(
    _ method: M.Type,
    serverStreaming handler: @escaping @Sendable (M.Input, RPCWriter<M.Output>, ServerContext) async throws -> Void
  ) {
    self.add(M.descriptor) { call, context in
      let request = try call.decodeSingleRequest(M.Input.self)
      try await handler(request, RPCWriter { try await call.write($0) }, context)
    }
  }

  /// Registers a client-streaming method: a stream of requests in, one response out.
  public mutating func register<M: RPCMethod>(
    _ method: M.Type,
    clientStreaming handler: @escaping @Sendable (RPCAsyncSequence<M.Input>, ServerContext) async throws -> M.Output
  ) {
    self.add(M.descriptor) { call, context in
      let response = try await handler(call.requests(M.Input.self), context)
      try await call.write(response)
    }
  }

  /// Registers a bidirectional-streaming method: a stream each way.
  public mutating func register<M: RPCMethod>(
    _ method: M.Type,
    bidirectionalStreaming handler:
      @escaping @Sendable (RPCAsyncSequence<M.Input>, RPCWriter<M.Output>, ServerContext) async throws -> Void
  ) {
    self.add(M.descriptor) { call, context in
      try await handler(call.requests(M.Input.self), RPCWriter { try await call.write($0) }, context)
    }
  }

  private mutating func add(
    _ descriptor: MethodDescriptor,
    run: @escaping @Sendable (ServerCall, ServerContext) async throws -> Void
  ) {
    self.routes[descriptor.fullName] = Route(descriptor: descriptor, run: run)
  }

  /// A registered method: its descriptor and how to run a call of it.
  package struct Route: Sendable {
    package let descriptor: MethodDescriptor
    package let run: @Sendable (ServerCall, ServerContext) async throws -> Void
  }
}

/// A service a server hosts: it registers a handler for each of its methods with a router.
///
/// Generated server protocols conform through a protocol extension, so an implementation only writes the
/// methods.
public protocol RPCService: Sendable {
  /// Registers every method of the service.
  func registerMethods(with router: inout RPCRouter)
}
