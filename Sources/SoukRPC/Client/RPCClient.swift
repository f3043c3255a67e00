public import NIOCore
public import NIOPosix
public import SoukTLS
import SoukWire
import Synchronization

/// A client of one souk/1 server: one multiplexed TLS connection, opened on first use and reopened after it is
/// lost, with backoff between failed attempts.
///
/// Calls fail with ``RPCError/Code-swift.struct/unavailable`` when the server cannot be reached (or while the
/// client waits out its backoff), and with `deadlineExceeded` when their deadline passes. Generated clients
/// (`CatalogService.Client(wrapping: client)`) wrap it with one typed method per RPC. Thread-safe.
public final class RPCClient: Sendable {
  /// The client's configuration.
  public let configuration: Configuration
  private let group: any EventLoopGroup
  private let transport: Transport
  private let state = Mutex(ConnectionState.idle(failures: 0))

  private enum ConnectionState {
    case idle(failures: Int)
    case connecting(EventLoopFuture<ClientConnection>)
    case ready(ClientConnection)
    case backingOff(until: ContinuousClock.Instant, failures: Int, error: RPCError)
    case closed
  }

  /// Creates a client; it connects on the first call.
  ///
  /// - Throws: `TLSError` when the TLS configuration cannot be loaded (e.g. a missing trust-root file).
  public convenience init(
    configuration: Configuration,
    eventLoopGroup: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton
  ) throws {
    self.init(
      configuration: configuration,
      tlsContext: try TLSContext(configuration: configuration.tls),
      eventLoopGroup: eventLoopGroup
    )
  }

  /// Creates a client that uses an existing TLS context (built from `configuration.tls`), so that many clients
  /// share one: building a context reads files and costs more than a handshake.
  public init(
    configuration: Configuration,
    tlsContext: TLSContext,
    eventLoopGroup: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton
  ) {
    self.configuration = configuration
    self.group = eventLoopGroup
    self.transport = .network(tlsContext)
  }

  /// Creates a client of `server` in this process: each connection is a pair of in-memory channels running the
  /// same souk/1 handlers as over TCP, with no socket and no TLS (callers appear as `in-process` with no
  /// certificate). For fast tests of everything above the network.
  ///
  /// - Parameter configure: adjusts the client's configuration (deadline, windows, keepalive).
  public init(
    inProcess server: RPCServer,
    eventLoopGroup: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton,
    configure: (inout Configuration) -> Void = { _ in }
  ) {
    var configuration = Configuration(host: "in-process", port: 0, tls: .client())
    configure(&configuration)
    self.configuration = configuration
    self.group = eventLoopGroup
    self.transport = .inProcess(server)
  }

  /// How the client reaches its server.
  private enum Transport {
    /// TCP and TLS with this context.
    case network(TLSContext)
    /// In-memory channels to a server in this process.
    case inProcess(RPCServer)
  }

  // MARK: Calls

  /// Calls a unary method and returns its response.
  public func unary<M: RPCMethod>(
    _ method: M.Type,
    request: M.Input,
    metadata: Metadata = [:],
    options: CallOptions = .defaults
  ) async throws -> M.Output {
    try await self.unaryResponse(method, request: request, metadata: metadata, options: options).message
  }

  /// Calls a unary method and returns its response with the server's metadata.
  public func unaryResponse<M: RPCMethod>(
    _ method: M.Type,
    request: M.Input,
    metadata: Metadata = [:],
    options: CallOptions = .defaults
  ) async throws -> ClientResponse<M.Output> {
    let request = self.withIdempotencyKey(request, options: options)
    let metadata = self.callMetadata(metadata)
    return try await self.withRetries(M.descriptor, options: options) { timeout, _ in
      let call = try await self.makeCall(M.descriptor, metadata: metadata, timeout: timeout, request: request)
      return try await withTaskCancellationHandler {
        try await call.start(withSingleRequest: request)
        let response = try await call.singleResponse(M.Output.self)
        return ClientResponse(
          message: response,
          initialMetadata: try await call.initialMetadata(),
          trailingMetadata: call.trailingMetadata()
        )
      } onCancel: {
        call.cancel()
      }
    }
  }

  /// Calls a server-streaming method; `onResponse` reads the responses, and the call is cancelled if it returns
  /// before the stream has ended. Under a retry policy the call is repeated only while no response has reached
  /// `onResponse`.
  public func serverStreaming<M: RPCMethod, R: Sendable>(
    _ method: M.Type,
    request: M.Input,
    metadata: Metadata = [:],
    options: CallOptions = .defaults,
    onResponse: @escaping @Sendable (RPCResponseStream<M.Output>) async throws -> R
  ) async throws -> R {
    let request = self.withIdempotencyKey(request, options: options)
    let metadata = self.callMetadata(metadata)
    return try await self.withRetries(M.descriptor, options: options) { timeout, progress in
      let call = try await self.makeCall(M.descriptor, metadata: metadata, timeout: timeout, request: request)
      return try await withTaskCancellationHandler {
        try await call.start(withSingleRequest: request)
        return try await self.readResponses(of: call, M.Output.self, progress: progress, onResponse)
      } onCancel: {
        call.cancel()
      }
    }
  }

  /// Calls a client-streaming method: `requestProducer` writes the requests, then the response is returned. Never
  /// retried: the requests cannot be replayed.
  public func clientStreaming<M: RPCMethod>(
    _ method: M.Type,
    metadata: Metadata = [:],
    options: CallOptions = .defaults,
    requestProducer: @escaping @Sendable (RPCWriter<M.Input>) async throws -> Void
  ) async throws -> M.Output {
    let call = try await self.makeCall(
      M.descriptor,
      metadata: self.callMetadata(metadata),
      timeout: options.timeout ?? self.configuration.defaultTimeout,
      request: nil as M.Input?
    )
    return try await withTaskCancellationHandler {
      try await call.open()
      do {
        try await requestProducer(RPCWriter { try await call.send($0) })
      } catch {
        // The server may answer before reading every request; then its answer is the call's outcome.
        if call.hasEnded { return try await call.singleResponse(M.Output.self) }
        call.cancel()
        throw ClientCall.rpcError(error)
      }
      call.halfClose()
      return try await call.singleResponse(M.Output.self)
    } onCancel: {
      call.cancel()
    }
  }

  /// Calls a bidirectional-streaming method: `requestProducer` writes requests while `onResponse` reads
  /// responses; the call is cancelled if either throws or `onResponse` returns before the stream has ended. Never
  /// retried.
  public func bidirectionalStreaming<M: RPCMethod, R: Sendable>(
    _ method: M.Type,
    metadata: Metadata = [:],
    options: CallOptions = .defaults,
    requestProducer: @escaping @Sendable (RPCWriter<M.Input>) async throws -> Void,
    onResponse: @escaping @Sendable (RPCResponseStream<M.Output>) async throws -> R
  ) async throws -> R {
    let call = try await self.makeCall(
      M.descriptor,
      metadata: self.callMetadata(metadata),
      timeout: options.timeout ?? self.configuration.defaultTimeout,
      request: nil as M.Input?
    )
    return try await withTaskCancellationHandler {
      try await call.open()
      return try await withThrowingTaskGroup(of: Void.self) { group in
        group.addTask {
          do {
            try await requestProducer(RPCWriter { try await call.send($0) })
            call.halfClose()
          } catch {
            call.cancel()
            throw ClientCall.rpcError(error)
          }
        }
        let result = try await self.readResponses(of: call, M.Output.self, progress: nil, onResponse)
        // The responses decided the outcome: a producer still writing (or failing because the call ended)
        // does not change it.
        group.cancelAll()
        while true {
          do {
            guard try await group.next() != nil else { break }
          } catch {
            continue
          }
        }
        return result
      }
    } onCancel: {
      call.cancel()
    }
  }

  private func readResponses<Output: WireMessage, R>(
    of call: ClientCall,
    _ type: Output.Type,
    progress: AttemptProgress?,
    _ onResponse: @Sendable (RPCResponseStream<Output>) async throws -> R
  ) async throws -> R {
    let messages = RPCAsyncSequence<Output> {
      {
        let message = try await call.nextResponse(Output.self)
        if message != nil { progress?.responded() }
        return message
      }
    }
    do {
      let result = try await onResponse(RPCResponseStream(messages: messages, call: call))
      if !call.hasEnded { call.cancel() }
      return result
    } catch {
      if !call.hasEnded { call.cancel() }
      throw ClientCall.rpcError(error)
    }
  }

  /// Gets a usable connection and creates the call on it; small single requests ride in the CALL's write.
  private func makeCall<Input: WireMessage>(
    _ descriptor: MethodDescriptor,
    metadata: Metadata,
    timeout: Duration,
    request: Input?
  ) async throws -> ClientCall {
    if let problem = MetadataBlock.problem(with: metadata) {
      throw RPCError(code: .invalidArgument, message: "the request metadata cannot be sent: \(problem)")
    }
    let connection = try await self.connection()
    var firstFrames: (@Sendable (inout ByteBuffer, UInt32, Int) -> Void)?
    let requestBytes = request?.encodedSize() ?? 0
    let inlineLimit = min(Self.inlineRequestBytes, connection.peerSettings.initialWindowBytes)
    if let request, requestBytes <= inlineLimit {
      firstFrames = { buffer, id, maxFrameBytes in
        buffer.writeMessageFrames(streamID: id, message: request, maxFrameBytes: maxFrameBytes)
        buffer.writeFrame(Frame(streamID: id, payload: .halfClose))
      }
    }
    return ClientCall(
      header: CallHeader(method: descriptor.fullName, timeoutMicroseconds: 0, metadata: metadata),
      timeout: timeout,
      connection: connection,
      firstFrames: firstFrames,
      firstFramesMessageBytes: firstFrames == nil ? 0 : requestBytes
    )
  }

  /// Requests up to this size (and the server's window) travel with their CALL frame: below every peer's
  /// smallest frame limit.
  private static let inlineRequestBytes = 16_384

  // MARK: Connection

  /// The current connection, connecting first if there is none.
  private func connection() async throws -> ClientConnection {
    enum Step {
      case use(ClientConnection)
      case wait(EventLoopFuture<ClientConnection>)
      case connect(EventLoopPromise<ClientConnection>, failures: Int)
      case fail(RPCError)
    }
    let step: Step = self.state.withLock { state in
      switch state {
      case .ready(let connection) where connection.isUsable:
        return .use(connection)
      case .connecting(let future):
        return .wait(future)
      case .backingOff(let until, let failures, let error):
        if ContinuousClock.now < until { return .fail(error) }
        let promise = self.group.next().makePromise(of: ClientConnection.self)
        state = .connecting(promise.futureResult)
        return .connect(promise, failures: failures)
      case .idle(let failures):
        let promise = self.group.next().makePromise(of: ClientConnection.self)
        state = .connecting(promise.futureResult)
        return .connect(promise, failures: failures)
      case .ready:
        let promise = self.group.next().makePromise(of: ClientConnection.self)
        state = .connecting(promise.futureResult)
        return .connect(promise, failures: 0)
      case .closed:
        return .fail(RPCError(code: .unavailable, message: "the client is closed"))
      }
    }
    switch step {
    case .use(let connection):
      return connection
    case .wait(let future):
      return try await future.get()
    case .fail(let error):
      throw error
    case .connect(let promise, let failures):
      do {
        let connection = try await self.connect()
        let keep = self.state.withLock { state -> Bool in
          if case .closed = state { return false }
          state = .ready(connection)
          return true
        }
        if !keep { connection.closeGracefully() }
        promise.succeed(connection)
        return connection
      } catch {
        let rpcError = RPCError(
          code: .unavailable,
          message: "cannot connect to \(self.configuration.host):\(self.configuration.port): \(Self.reason(error))",
          cause: error
        )
        var generator = SystemRandomNumberGenerator()
        let delay = self.configuration.backoff.delay(afterFailures: failures + 1, using: &generator)
        self.state.withLock { state in
          if case .closed = state { return }
          state = .backingOff(until: ContinuousClock.now.advanced(by: delay), failures: failures + 1, error: rpcError)
        }
        promise.fail(rpcError)
        throw rpcError
      }
    }
  }

  private static func reason(_ error: any Error) -> String {
    if let error = error as? RPCError, let cause = error.cause { return "\(cause)" }
    return "\(error)"
  }

  private func connect() async throws -> ClientConnection {
    let settings = self.configuration.connectionSettings
    let channel: any Channel
    switch self.transport {
    case .network(let tlsContext):
      channel = try await self.connectOverTLS(tlsContext)
    case .inProcess(let server):
      let loop = self.group.next()
      channel = try await loop.submit {
        let (client, serverEnd) = InProcessChannel.makePair(on: loop)
        try self.addConnectionHandlers(to: client)
        try server.acceptInProcess(serverEnd)
        client.activate()
        return client as any Channel
      }.get()
    }
    let (handler, ready) = try await channel.eventLoop.submit {
      let handler = try channel.pipeline.syncOperations.handler(type: ClientConnectionHandler.self)
      return (NIOLoopBound(handler, eventLoop: channel.eventLoop), handler.ready.futureResult)
    }.get()
    // A server that completes TLS but never sends its SETTINGS must not hold callers forever.
    let settingsTimeout = channel.eventLoop.scheduleTask(in: self.configuration.connectTimeout) {
      channel.close(promise: nil)
    }
    defer { settingsTimeout.cancel() }
    do {
      try await ready.get()
    } catch {
      channel.close(promise: nil)
      throw error
    }
    return try await channel.eventLoop.submit {
      let handler = handler.value
      guard let outbox = handler.outbox else {
        throw RPCError(code: .unavailable, message: "the connection closed during setup")
      }
      let connection = ClientConnection(
        channel: channel,
        handler: handler,
        outbox: outbox,
        localSettings: settings,
        peerSettings: handler.peerSettings
      )
      handler.onUnusable = { connection.markUnusable() }
      if !channel.isActive { connection.markUnusable() }
      return connection
    }.get()
  }

  private func connectOverTLS(_ tlsContext: TLSContext) async throws -> any Channel {
    let serverName = self.configuration.tls.serverName ?? self.configuration.host
    return try await ClientBootstrap(group: self.group)
      .connectTimeout(self.configuration.connectTimeout)
      .channelOption(.socketOption(.tcp_nodelay), value: 1)
      .channelInitializer { channel in
        channel.eventLoop.makeCompletedFuture {
          try channel.pipeline.syncOperations.addHandler(TLSHandler(context: tlsContext, serverName: serverName))
          try self.addConnectionHandlers(to: channel)
        }
      }
      .connect(host: self.configuration.host, port: self.configuration.port)
      .get()
  }

  /// Adds the souk/1 client handlers to a new connection's pipeline, after TLS when there is TLS.
  private func addConnectionHandlers(to channel: any Channel) throws {
    let settings = self.configuration.connectionSettings
    let sync = channel.pipeline.syncOperations
    let limits = FrameDecoder.Limits(maxFrameBytes: settings.maxFrameBytes, maxMetadataBytes: settings.maxMetadataBytes)
    try sync.addHandler(ByteToMessageHandler(FrameDecoder(expectsPreface: false, limits: limits)))
    try sync.addHandler(
      ClientConnectionHandler(
        localSettings: settings,
        keepaliveInterval: self.configuration.keepaliveInterval,
        keepaliveTimeout: self.configuration.keepaliveTimeout,
        eventLoop: channel.eventLoop
      )
    )
  }

  /// Closes the client: no new calls; the connection closes once the calls in flight have ended.
  public func close() {
    let connection: ClientConnection? = self.state.withLock { state in
      defer { state = .closed }
      if case .ready(let connection) = state { return connection }
      return nil
    }
    connection?.closeGracefully()
  }
}
