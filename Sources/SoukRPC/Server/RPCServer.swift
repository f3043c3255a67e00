import Logging
public import NIOCore
public import NIOPosix
import SoukTLS
import Synchronization

/// A souk/1 server: listens with TLS, serves the methods of its router, and shuts down gracefully.
///
/// ```swift
/// let server = RPCServer(configuration: configuration, router: RPCRouter(services: [catalog]))
/// try await server.start()
/// ...
/// await server.shutDown()
/// ```
public final class RPCServer: Sendable {
  /// The server's configuration.
  public let configuration: Configuration
  private let router: RPCRouter
  private let group: any EventLoopGroup
  private let state = Mutex(State())

  private struct State {
    var listener: (any Channel)?
    var connections: [ObjectIdentifier: any Channel] = [:]
    var isShuttingDown = false
  }

  /// Creates a server; nothing listens until ``start()``.
  ///
  /// - Parameter eventLoopGroup: the loops to serve on; the shared NIO singleton by default.
  public init(
    configuration: Configuration,
    router: RPCRouter,
    eventLoopGroup: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton
  ) {
    self.configuration = configuration
    self.router = router
    self.group = eventLoopGroup
  }

  /// The address the server listens on, once started (with the real port when configured with port 0).
  public var localAddress: SocketAddress? {
    self.state.withLock { $0.listener?.localAddress }
  }

  /// The number of connections open now.
  public var connectionCount: Int {
    self.state.withLock { $0.connections.count }
  }

  /// Builds the TLS context and starts listening.
  ///
  /// - Throws: `TLSError` when the certificate or key cannot be loaded; an I/O error when the address cannot be
  ///   bound.
  @discardableResult
  public func start() async throws -> SocketAddress {
    let tlsContext = try TLSContext(configuration: self.configuration.tls)
    let configuration = self.configuration
    let listener = try await ServerBootstrap(group: self.group)
      .serverChannelOption(.backlog, value: 1024)
      .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
      .childChannelOption(.socketOption(.tcp_nodelay), value: 1)
      .childChannelOption(.allowRemoteHalfClosure, value: false)
      .childChannelInitializer { [self] channel in
        channel.eventLoop.makeCompletedFuture {
          guard self.admit(channel) else {
            channel.close(promise: nil)
            return
          }
          let remote = channel.remoteAddress.map { "\($0.ipAddress ?? "?"):\($0.port ?? 0)" } ?? "unknown"
          try channel.pipeline.syncOperations.addHandler(TLSHandler(context: tlsContext))
          try self.addConnectionHandlers(to: channel, remoteAddress: remote)
        }
      }
      .bind(host: configuration.host, port: configuration.port)
      .get()
    self.state.withLock { $0.listener = listener }
    guard let address = listener.localAddress else {
      throw RPCError(code: .internalError, message: "the listener has no local address")
    }
    configuration.logger.info("listening", metadata: ["address": "\(address)"])
    return address
  }

  /// Adds the souk/1 handlers to a new connection's pipeline, after TLS when there is TLS; on its event loop.
  private func addConnectionHandlers(to channel: any Channel, remoteAddress: String) throws {
    let sync = channel.pipeline.syncOperations
    let limits = FrameDecoder.Limits(
      maxFrameBytes: self.configuration.maxFrameBytes,
      maxMetadataBytes: self.configuration.maxMetadataBytes
    )
    try sync.addHandler(ByteToMessageHandler(FrameDecoder(expectsPreface: true, limits: limits)))
    try sync.addHandler(
      ServerConnectionHandler(configuration: self.configuration, router: self.router, remoteAddress: remoteAddress)
    )
  }

  /// Serves the server end of an in-process connection, as if it had been accepted (no socket, no TLS); on the
  /// channel's event loop. Works whether or not the server listens.
  ///
  /// - Throws: ``RPCError`` `unavailable` when the server is shutting down or at its connection limit.
  func acceptInProcess(_ channel: InProcessChannel) throws {
    guard self.admit(channel) else {
      throw RPCError(code: .unavailable, message: "the server is shutting down or at its connection limit")
    }
    try self.addConnectionHandlers(to: channel, remoteAddress: "in-process")
    channel.activate()
  }

  private func admit(_ channel: any Channel) -> Bool {
    let id = ObjectIdentifier(channel)
    let admitted = self.state.withLock { state -> Bool in
      guard !state.isShuttingDown, state.connections.count < self.configuration.maxConnections else { return false }
      state.connections[id] = channel
      return true
    }
    if admitted {
      channel.closeFuture.whenComplete { [self] _ in
        _ = self.state.withLock { $0.connections.removeValue(forKey: id) }
      }
    }
    return admitted
  }

  /// Stops accepting connections, sends GOAWAY on every connection, lets running calls finish within the grace
  /// period, then closes whatever remains.
  public func shutDown(gracePeriod: Duration? = nil) async {
    let (listener, connections) = self.state.withLock { state in
      state.isShuttingDown = true
      return (state.listener, Array(state.connections.values))
    }
    try? await listener?.close()
    for channel in connections {
      channel.pipeline.fireUserInboundEventTriggered(ServerConnectionHandler.Event.shutDownGracefully)
    }
    let grace = gracePeriod ?? self.configuration.shutdownGracePeriod
    await withTaskGroup(of: Void.self) { group in
      group.addTask {
        for channel in connections { try? await channel.closeFuture.get() }
      }
      group.addTask {
        do {
          try await Task.sleep(for: grace)
        } catch {
          return  // every connection closed within the grace period
        }
        for channel in connections {
          channel.pipeline.fireUserInboundEventTriggered(ServerConnectionHandler.Event.shutDownNow)
        }
      }
      await group.next()
      group.cancelAll()
    }
  }
}
