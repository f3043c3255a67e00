public import Logging
import SoukRPC
public import SoukStorePostgres

/// Everything `souk serve` runs with: where to listen, where the data and certificates live, the limits, the log
/// level. The defaults are the embedded set-up: `127.0.0.1:7443`, `./souk-data`, a development certificate.
public struct ServerSettings: Sendable {
  /// The address to listen on.
  public var host = "127.0.0.1"
  /// The port to listen on; 0 picks a free one (the banner prints it).
  public var port = 7443
  /// The data folder: the SQLite database (unless ``databaseURL`` is set) and, unless a certificate is given, the
  /// development certificates.
  public var dataDirectory = "souk-data"
  /// The shared PostgreSQL store several instances serve together; nil for the embedded SQLite database in the data
  /// folder.
  public var databaseURL: PostgresStoreURL?
  /// The server's certificate chain (PEM); nil for a development certificate made in `<data>/tls`.
  public var certificateChainPath: String?
  /// The private key of `certificateChainPath` (PEM).
  public var privateKeyPath: String?
  /// The CA that signs partners' client certificates; set, it turns on mutual TLS (a certificate is optional:
  /// keys keep working).
  public var clientCAPath: String?
  /// The most connections served at once; the RPC server's default.
  public var maxConnections = RPCServer.Configuration.defaultMaxConnections
  /// The most calls in flight on one connection; the RPC server's default.
  public var maxConcurrentStreams = ConnectionSettings.defaults.maxConcurrentStreams
  /// The largest message accepted, in bytes; the RPC server's default.
  public var maxMessageBytes = ConnectionSettings.defaults.maxMessageBytes
  /// The least severe log level written.
  public var logLevel: Logger.Level = .info
  /// Whether to fill an empty store with the Fès-Meknès demonstration data.
  public var demo = false

  /// The embedded defaults.
  public init() {}

  /// The SQLite database inside the data folder (used when ``databaseURL`` is nil).
  public var databasePath: String { self.dataDirectory + "/souk.sqlite" }
  /// The folder of the development certificates inside the data folder.
  public var developmentCertificateDirectory: String { self.dataDirectory + "/tls" }
}
