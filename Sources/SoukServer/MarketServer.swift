import Foundation
public import Logging
import NIOCore
public import ServiceLifecycle
import SoukMarket
import SoukRPC
import SoukStore
import SoukStorePostgres
import SoukStoreSQLite
import SoukTLS

/// The marketplace server as a lifecycle service: opens the store (SQLite in the data folder, or a PostgreSQL
/// store shared with other instances), prepares TLS, issues the first admin key, optionally seeds the demo data,
/// serves the marketplace's services (`Market`), and on graceful shutdown stops taking calls, lets the ones in
/// flight finish and closes the store.
public final class MarketServer: Service {
  private let settings: ServerSettings
  private let logger: Logger
  private let output: @Sendable (String) -> Void

  /// Creates the server; nothing happens until ``run()`` or ``start()``.
  ///
  /// - Parameter output: where the start-up banner goes (standard output, unbuffered, by default): the address, the
  ///   data folder, and the keys shown once.
  public init(
    settings: ServerSettings,
    logger: Logger,
    output: @escaping @Sendable (String) -> Void = MarketServer.writeToStandardOutput
  ) {
    self.settings = settings
    self.logger = logger
    self.output = output
  }

  /// Writes `text` and a newline to standard output at once (unbuffered: whoever reads the banner through a pipe
  /// needs it now).
  public static func writeToStandardOutput(_ text: String) {
    FileHandle.standardOutput.write(Data((text + "\n").utf8))
  }

  /// Serves until graceful shutdown (SIGINT or SIGTERM through the service group) or cancellation: the RPC server
  /// runs as a service of its own (it drains on either), then the store closes.
  public func run() async throws {
    let running = try await self.start()
    self.output(running.banner)
    try await withGracefulShutdownHandler {
      try await running.rpcServer.run()
    } onGracefulShutdown: {
      self.logger.info("shutting down: no new calls, draining calls in flight")
    }
    await running.closeStore()
  }

  /// Opens everything and starts listening; the caller stops it.
  ///
  /// - Throws: ``ServerStartError`` when the store cannot be opened (an unreachable database, say), or the errors
  ///   of TLS and of the listening socket; whatever was opened is closed again first.
  public func start() async throws -> RunningMarketServer {
    let settings = self.settings
    try FileManager.default.createDirectory(
      atPath: settings.dataDirectory,
      withIntermediateDirectories: true,
      attributes: [.posixPermissions: 0o700]
    )
    let (store, closeStore) = try await self.openStore()
    do {
      return try await self.start(store: store, closeStore: closeStore)
    } catch {
      await closeStore()
      throw error
    }
  }

  private func start(
    store: any MarketStore,
    closeStore: @escaping @Sendable () async -> Void
  ) async throws -> RunningMarketServer {
    let settings = self.settings
    // Instances starting together on one shared store take turns here, so that the first admin key and the demo
    // data are made once: the later ones find them made.
    let demo = settings.demo
    let (adminKey, demoKeys) = try await store.withStartupLock {
      let adminKey = try await ApiKeys.issueInitialAdminKey(store: store)
      let demoKeys = demo ? try await DemoData.seed(into: store) : []
      return (adminKey, demoKeys)
    }

    let tls = try self.tlsConfiguration()
    let market = Market(store: store)
    var configuration = RPCServer.Configuration(
      host: settings.host,
      port: settings.port,
      tls: tls.configuration,
      logger: Logger(label: "souk.rpc")
    )
    configuration.maxConnections = settings.maxConnections
    configuration.maxConcurrentStreams = settings.maxConcurrentStreams
    configuration.maxMessageBytes = settings.maxMessageBytes
    configuration.interceptors = [LoggingInterceptor(logger: self.logger), MetricsInterceptor(), market.authorization]
    let server = RPCServer(configuration: configuration, router: RPCRouter(services: market.services))
    let address = try await server.start()
    self.logger.info(
      "listening",
      metadata: [
        "address": "\(address)", "data": "\(settings.dataDirectory)", "demo": "\(settings.demo)",
        "store": "\(settings.databaseURL.map { "\($0)" } ?? settings.databasePath)",
      ]
    )
    return RunningMarketServer(
      address: address,
      settings: settings,
      developmentCAPath: tls.developmentCAPath,
      adminKey: adminKey,
      demoKeys: demoKeys,
      rpcServer: server,
      closeStore: closeStore
    )
  }

  /// The store the settings name, and how to close it: the shared PostgreSQL store of ``ServerSettings/databaseURL``,
  /// or the SQLite database in the data folder.
  private func openStore() async throws -> (any MarketStore, @Sendable () async -> Void) {
    guard let url = self.settings.databaseURL else {
      // GRDB closes the database when the last reference goes.
      return (try SQLiteMarketStore(path: self.settings.databasePath), {})
    }
    let store: PostgresMarketStore
    do {
      store = try await PostgresMarketStore.open(url, logger: self.logger)
    } catch StoreError.unavailable(let reason) {
      // The store's reason names the URL (without its password) and what PostgreSQL said.
      throw ServerStartError(reason, cause: StoreError.unavailable(reason))
    } catch {
      throw ServerStartError("cannot open the PostgreSQL store at \(url): \(error)", cause: error)
    }
    return (store, { await store.close() })
  }

  private func tlsConfiguration() throws -> (configuration: TLSConfiguration, developmentCAPath: String?) {
    let settings = self.settings
    var chain = settings.certificateChainPath
    var key = settings.privateKeyPath
    var developmentCAPath: String?
    if chain == nil || key == nil {
      let certificates = try DevelopmentCertificates.prepare(in: settings.developmentCertificateDirectory)
      chain = certificates.certificateChainPath
      key = certificates.privateKeyPath
      developmentCAPath = certificates.caCertificatePath
    }
    let configuration = TLSConfiguration.server(
      certificateChainPath: chain ?? "",
      privateKeyPath: key ?? "",
      clientCertificatePolicy: settings.clientCAPath == nil ? .none : .optional,
      clientCATrustRoots: settings.clientCAPath.map { .pemFile($0) }
    )
    return (configuration, developmentCAPath)
  }
}
