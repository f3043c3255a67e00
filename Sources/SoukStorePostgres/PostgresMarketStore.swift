public import Logging
import PostgresNIO
public import SoukStore

/// The shared store: one PostgreSQL database that several `souk serve` instances use at once.
///
/// Each write method is one transaction on a pooled connection, at PostgreSQL's READ COMMITTED level, with the
/// rows it reads in order to change them locked (`FOR UPDATE`) before the caller's decision closure runs on them:
/// cooperatives before their products, products in id order, an order before its products, and the catalog and
/// feed counters last (see ``PostgresSchema``), so that concurrent writers of different instances queue rather
/// than deadlock. Whatever PostgreSQL still refuses because of a concurrent transaction (a deadlock, a
/// serialization failure, a unique key another transaction took first) rolls back and runs again from the start;
/// the next run sees that transaction's commit, so a retried order finds its idempotency key and a second SKU finds
/// the first. A commit returns once PostgreSQL has flushed it (`synchronous_commit` as the server sets it, `on`
/// by default).
///
/// Feeds stay exact across instances: revisions and sequences come from counters whose row lock a transaction
/// holds until it commits, so they become visible in order and without gaps; a trigger on the counters sends a
/// notification at each commit, which every instance's listener turns into ``changeNotifications()`` wake-ups.
public final class PostgresMarketStore: MarketStore {
  /// The pool of connections the store's reads and writes lease.
  let client: PostgresClient
  /// The store's logger (queries log at trace level).
  let logger: Logger
  /// Wakes ``changeNotifications()`` streams, on this instance's own commits and on every notification.
  let broadcaster: ChangeBroadcaster
  /// Runs the pool's background work.
  private let clientTask: Task<Void, Never>
  /// Listens for the other instances' commits.
  private let listener: ChangeListener

  /// The most times a write runs when concurrent transactions keep refusing it.
  static let maximumAttempts = 8

  private init(
    client: PostgresClient,
    clientTask: Task<Void, Never>,
    listener: ChangeListener,
    broadcaster: ChangeBroadcaster,
    logger: Logger
  ) {
    self.client = client
    self.broadcaster = broadcaster
    self.clientTask = clientTask
    self.listener = listener
    self.logger = logger
  }

  /// Connects to the database at `url`, brings its schema up to date (waiting for any other instance migrating
  /// it), and starts listening for the other instances' changes.
  ///
  /// - Parameters:
  ///   - maximumConnections: the most connections the store's pool opens (plus one for the listener).
  /// - Throws: ``StoreError/unavailable(_:)`` when the database cannot be reached or migrated.
  public static func open(
    _ url: PostgresStoreURL,
    logger: Logger,
    maximumConnections: Int = 20
  ) async throws -> PostgresMarketStore {
    var configuration = PostgresClient.Configuration(
      host: url.host,
      port: url.port,
      username: url.username,
      password: url.password,
      database: url.database,
      tls: .disable
    )
    configuration.options.maximumConnections = maximumConnections
    configuration.options.connectTimeout = .seconds(10)
    // Migrating on a connection of its own fails at once when the server is unreachable (the pool would keep
    // retrying in the background).
    do {
      let connection = try await PostgresConnection.connect(
        configuration: url.connectionConfiguration,
        id: 0,
        logger: logger
      )
      do {
        try await PostgresSchema.migrate(connection, logger: logger)
        try await connection.close()
      } catch {
        try? await connection.close()
        throw error
      }
    } catch {
      throw StoreError.unavailable("cannot open the PostgreSQL store at \(url): \(Self.describe(error))")
    }
    let client = PostgresClient(configuration: configuration, backgroundLogger: logger)
    let clientTask = Task { await client.run() }
    let broadcaster = ChangeBroadcaster()
    let listener = ChangeListener(url: url, channel: PostgresSchema.changeChannel, logger: logger) {
      broadcaster.signal()
    }
    await listener.start()
    return PostgresMarketStore(
      client: client,
      clientTask: clientTask,
      listener: listener,
      broadcaster: broadcaster,
      logger: logger
    )
  }

  /// Stops listening and closes every connection; the store cannot be used afterwards.
  public func close() async {
    await listener.stop()
    clientTask.cancel()
    _ = await clientTask.value
    broadcaster.finishAll()
  }

  deinit {
    clientTask.cancel()
    broadcaster.finishAll()
  }

  /// A stream that yields after every commit, by any instance, that changed the catalog or the fulfilment feed.
  public func changeNotifications() -> AsyncStream<Void> {
    broadcaster.subscribe()
  }

  /// Runs `body` holding a session advisory lock that every instance's start-up takes.
  public func withStartupLock<T: Sendable>(_ body: @Sendable () async throws -> T) async throws -> T {
    try await mapErrors {
      try await client.withConnection { connection in
        let logger = self.logger
        try await connection.query("SELECT pg_advisory_lock(\(PostgresSchema.startupLockKey))", logger: logger)
        do {
          let value = try await body()
          try await connection.query("SELECT pg_advisory_unlock(\(PostgresSchema.startupLockKey))", logger: logger)
          return value
        } catch {
          _ = try? await connection.query(
            "SELECT pg_advisory_unlock(\(PostgresSchema.startupLockKey))",
            logger: logger
          )
          throw error
        }
      }
    }
  }
}
