public import NIOCore
public import SoukTLS

extension RPCClient {
  /// Where a client connects and how it behaves.
  public struct Configuration: Sendable {
    /// The server's host name or IP address; also the name its certificate is verified against.
    public var host: String
    /// The server's port.
    public var port: Int
    /// The client's TLS settings (trust roots, optional client certificate).
    public var tls: TLSConfiguration
    /// The deadline of calls whose options set none.
    public var defaultTimeout: Duration
    /// How long one connection attempt (TCP and TLS) may take.
    public var connectTimeout: TimeAmount
    /// The delays between reconnection attempts; calls made while waiting fail fast with `unavailable`.
    public var backoff: Backoff
    /// After this long without hearing from the server, the client pings it.
    public var keepaliveInterval: TimeAmount
    /// A server that does not answer within this long after a ping is considered gone.
    public var keepaliveTimeout: TimeAmount
    /// The largest response message accepted.
    public var maxMessageBytes: Int
    /// The flow-control window of each stream: response bytes a server may send before the caller reads them.
    public var initialWindowBytes: Int
    /// Metadata sent with every call before the call's own (e.g. `authorization: Bearer <key>`), so generated
    /// clients authenticate without passing metadata to each method.
    public var defaultMetadata: Metadata
    /// When calls are repeated; ``RetryPolicy/disabled`` (one attempt) unless set. A call's
    /// ``CallOptions/retryPolicy`` overrides it.
    public var retryPolicy: RetryPolicy

    /// Creates a configuration with production defaults; the server's certificate is verified against `host`.
    public init(host: String, port: Int, tls: TLSConfiguration) {
      self.host = host
      self.port = port
      self.tls = tls
      self.defaultTimeout = .seconds(30)
      self.connectTimeout = .seconds(10)
      self.backoff = Backoff()
      self.keepaliveInterval = .seconds(60)
      self.keepaliveTimeout = .seconds(20)
      self.maxMessageBytes = ConnectionSettings.defaults.maxMessageBytes
      self.initialWindowBytes = ConnectionSettings.defaults.initialWindowBytes
      self.defaultMetadata = Metadata()
      self.retryPolicy = .disabled
    }

    var connectionSettings: ConnectionSettings {
      ConnectionSettings(
        maxFrameBytes: ConnectionSettings.defaults.maxFrameBytes,
        maxConcurrentStreams: ConnectionSettings.defaults.maxConcurrentStreams,
        initialWindowBytes: self.initialWindowBytes,
        maxMessageBytes: self.maxMessageBytes,
        maxMetadataBytes: ConnectionSettings.defaults.maxMetadataBytes
      )
    }
  }
}
