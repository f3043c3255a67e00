public import ArgumentParser
import Foundation
import Logging
import ServiceLifecycle
import SoukRPC
import SoukStorePostgres
import UnixSignals

/// `souk serve`: runs the marketplace server until SIGINT or SIGTERM, then drains calls in flight and stops.
///
/// Every option has an environment variable (`SOUK_…`); a flag given on the command line wins over it.
public struct ServeCommand: AsyncParsableCommand {
  /// The command's name and help.
  public static let configuration = CommandConfiguration(
    commandName: "serve",
    abstract: "Run the Souk marketplace server.",
    discussion: """
      With no options it keeps its data in ./souk-data (SQLite), makes a development certificate for localhost and \
      127.0.0.1 there, prints an admin key the first time, and listens on 127.0.0.1:7443. With --database \
      postgres://… several instances serve one shared PostgreSQL store; the data folder then holds only the \
      development certificate.
      """
  )

  @Option(name: .long, help: "Address to listen on, host:port (env SOUK_ADDRESS; default 127.0.0.1:7443).")
  var address: String?

  @Option(name: .long, help: "Data folder for the database and development certificates (env SOUK_DATA).")
  var data: String?

  @Option(
    name: .long,
    help: ArgumentHelp(
      "A shared PostgreSQL store, postgres://USER:PASSWORD@HOST:PORT/DATABASE (env SOUK_DATABASE); default: SQLite "
        + "in the data folder.",
      valueName: "url"
    )
  )
  var database: String?

  @Option(name: .long, help: "Server certificate chain, PEM (env SOUK_TLS_CERT); default: a development one.")
  var tlsCert: String?

  @Option(name: .long, help: "Private key of --tls-cert, PEM (env SOUK_TLS_KEY).")
  var tlsKey: String?

  @Option(name: .long, help: "CA of partners' client certificates, PEM; turns on mutual TLS (env SOUK_CLIENT_CA).")
  var clientCA: String?

  @Option(name: .long, help: "Most connections at once (env SOUK_MAX_CONNECTIONS; default 10000).")
  var maxConnections: Int?

  @Option(name: .long, help: "Most calls in flight per connection (env SOUK_MAX_STREAMS; default 100).")
  var maxStreams: Int?

  @Option(name: .long, help: "Largest message in bytes (env SOUK_MAX_MESSAGE_BYTES; default 4194304).")
  var maxMessageBytes: Int?

  @Option(name: .long, help: "trace, debug, info, notice, warning, error or critical (env SOUK_LOG_LEVEL).")
  var logLevel: String?

  @Flag(name: .long, help: "Fill an empty store with demonstration data of the Fès-Meknès region (env SOUK_DEMO=1).")
  var demo = false

  /// Creates the command (for the argument parser).
  public init() {}

  /// Resolves the settings, starts the server and runs it until a shutdown signal.
  public func run() async throws {
    let settings = try self.settings(environment: ProcessInfo.processInfo.environment)
    let logLevel = settings.logLevel
    LoggingSystem.bootstrap { label in
      var handler = StreamLogHandler.standardError(label: label)
      handler.logLevel = logLevel
      return handler
    }
    let logger = Logger(label: "souk.server")
    let server = MarketServer(settings: settings, logger: logger)
    let group = ServiceGroup(
      configuration: ServiceGroupConfiguration(
        services: [server],
        gracefulShutdownSignals: [.sigterm, .sigint],
        logger: logger
      )
    )
    try await group.run()
  }

  /// The settings from the options, then the environment (`SOUK_…`), then the defaults.
  package func settings(environment: [String: String]) throws -> ServerSettings {
    var settings = ServerSettings()
    if let address = self.address ?? environment["SOUK_ADDRESS"] {
      guard let parsed = HostAndPort(address) else {
        throw ValidationError("address '\(address)' is not host:port, e.g. 127.0.0.1:7443")
      }
      (settings.host, settings.port) = (parsed.host, parsed.port)
    }
    settings.dataDirectory = self.data ?? environment["SOUK_DATA"] ?? settings.dataDirectory
    // An empty SOUK_DATABASE is no database, as if unset; an empty --database is a mistake the URL parser names.
    if let text = self.database ?? environment["SOUK_DATABASE"].flatMap({ $0.isEmpty ? nil : $0 }) {
      do {
        settings.databaseURL = try PostgresStoreURL(text)
      } catch {
        throw ValidationError("\(error)")
      }
    }
    settings.certificateChainPath = self.tlsCert ?? environment["SOUK_TLS_CERT"]
    settings.privateKeyPath = self.tlsKey ?? environment["SOUK_TLS_KEY"]
    if (settings.certificateChainPath == nil) != (settings.privateKeyPath == nil) {
      throw ValidationError("--tls-cert and --tls-key go together: give both or neither")
    }
    settings.clientCAPath = self.clientCA ?? environment["SOUK_CLIENT_CA"]
    settings.maxConnections =
      try self.maxConnections ?? Self.integer(environment, "SOUK_MAX_CONNECTIONS") ?? settings.maxConnections
    settings.maxConcurrentStreams =
      try self.maxStreams ?? Self.integer(environment, "SOUK_MAX_STREAMS") ?? settings.maxConcurrentStreams
    settings.maxMessageBytes =
      try self.maxMessageBytes ?? Self.integer(environment, "SOUK_MAX_MESSAGE_BYTES") ?? settings.maxMessageBytes
    guard settings.maxConnections > 0, settings.maxConcurrentStreams > 0, settings.maxMessageBytes >= 1024 else {
      throw ValidationError("limits must be positive (and --max-message-bytes at least 1024)")
    }
    if let level = self.logLevel ?? environment["SOUK_LOG_LEVEL"] {
      guard let parsed = Logger.Level(rawValue: level.lowercased()) else {
        throw ValidationError(
          "unknown log level '\(level)': use trace, debug, info, notice, warning, error or critical")
      }
      settings.logLevel = parsed
    }
    settings.demo = self.demo || environment["SOUK_DEMO"] == "1"
    return settings
  }

  private static func integer(_ environment: [String: String], _ name: String) throws -> Int? {
    guard let text = environment[name] else { return nil }
    guard let value = Int(text) else { throw ValidationError("\(name)=\(text) is not a whole number") }
    return value
  }
}
