public import Logging
public import NIOCore
public import SoukTLS

extension RPCServer {
  /// Everything a server needs: where to listen, TLS, limits, timeouts and interceptors.
  public struct Configuration: Sendable {
    /// The host to bind, e.g. `127.0.0.1` or `0.0.0.0`.
    public var host: String
    /// The port to bind; 0 picks a free one (see ``RPCServer/localAddress``).
    public var port: Int
    /// The server's TLS settings; ALPN must offer `souk/1`.
    public var tls: TLSConfiguration
    /// The most connections served at once; later ones are closed as soon as they are accepted.
    public var maxConnections: Int
    /// The most calls open at once on one connection; more are refused with `resourceExhausted`.
    public var maxConcurrentStreams: Int
    /// The largest frame payload accepted; a longer frame closes the connection.
    public var maxFrameBytes: Int
    /// The largest request message accepted; a longer one ends its call with `resourceExhausted`.
    public var maxMessageBytes: Int
    /// The largest metadata block accepted in a CALL frame.
    public var maxMetadataBytes: Int
    /// The flow-control window of each stream: request bytes a client may send before the handler reads them.
    public var initialWindowBytes: Int
    /// A connection with no call open for this long is closed (GOAWAY, then close).
    public var idleTimeout: TimeAmount
    /// After this long without hearing from a client, the server pings it.
    public var keepaliveInterval: TimeAmount
    /// A client that does not answer a ping within this long is disconnected.
    public var keepaliveTimeout: TimeAmount
    /// How long running calls may take to finish after a graceful shutdown starts.
    public var shutdownGracePeriod: Duration
    /// Interceptors around every call, outermost first; authentication and authorization are among them (the RPC
    /// layer checks no credentials of its own).
    public var interceptors: [any ServerInterceptor]
    /// Where the server logs.
    public var logger: Logger

    /// The most connections a server serves at once unless told otherwise.
    public static let defaultMaxConnections = 10_000

    /// Creates a configuration with production defaults for everything but the address and TLS.
    public init(
      host: String,
      port: Int,
      tls: TLSConfiguration,
      logger: Logger = Logger(label: "souk.rpc.server")
    ) {
      self.host = host
      self.port = port
      self.tls = tls
      self.maxConnections = Self.defaultMaxConnections
      self.maxConcurrentStreams = ConnectionSettings.defaults.maxConcurrentStreams
      self.maxFrameBytes = ConnectionSettings.defaults.maxFrameBytes
      self.maxMessageBytes = ConnectionSettings.defaults.maxMessageBytes
      self.maxMetadataBytes = ConnectionSettings.defaults.maxMetadataBytes
      self.initialWindowBytes = ConnectionSettings.defaults.initialWindowBytes
      self.idleTimeout = .minutes(5)
      self.keepaliveInterval = .seconds(60)
      self.keepaliveTimeout = .seconds(20)
      self.shutdownGracePeriod = .seconds(10)
      self.interceptors = []
      self.logger = logger
    }

    /// The settings the server announces on each connection.
    var connectionSettings: ConnectionSettings {
      ConnectionSettings(
        maxFrameBytes: self.maxFrameBytes,
        maxConcurrentStreams: self.maxConcurrentStreams,
        initialWindowBytes: self.initialWindowBytes,
        maxMessageBytes: self.maxMessageBytes,
        maxMetadataBytes: self.maxMetadataBytes
      )
    }
  }
}
