import Foundation
import GRDB
public import SoukStore

/// The embedded store: one SQLite file through GRDB, in WAL mode, with `synchronous = FULL` so that a write
/// returns only once its commit is on disk.
///
/// Writes are serialised by GRDB's single writer connection: each write method is one transaction, and the
/// decision closures callers pass run inside it, on the data as it is at that point of the commit order (the
/// single writer is the lock). Reads run concurrently on reader connections and see the last commit. Errors of
/// SQLite itself become ``StoreError/unavailable(_:)``; what a caller's closure throws is rethrown unchanged
/// after the rollback.
///
/// Idempotency for bulk uploads: ``bulkUpsertProducts(cooperativeID:skus:validateOnly:context:_:)`` records no
/// idempotency claim, because running the same upload again finds every row already applied and reports it as
/// unchanged.
public final class SQLiteMarketStore: MarketStore {
  /// The connections: one writer, several readers.
  let pool: DatabasePool
  /// Wakes ``changeNotifications()`` streams after commits that changed the catalog or the fulfilment feed.
  let broadcaster = ChangeBroadcaster()

  /// How long a connection waits for a lock another process holds before failing.
  private static let busyTimeoutSeconds: TimeInterval = 10

  /// Opens the database at `path`, creating the file if needed, and brings its schema up to date.
  ///
  /// - Throws: ``StoreError/unavailable(_:)`` when the file cannot be opened or migrated.
  public init(path: String) throws {
    var configuration = Configuration()
    configuration.foreignKeysEnabled = true
    configuration.busyMode = .timeout(Self.busyTimeoutSeconds)
    configuration.label = "souk-store"
    do {
      pool = try DatabasePool(path: path, configuration: configuration)
      // GRDB sets `synchronous = NORMAL` when it turns WAL on; every write goes through this one writer
      // connection, so making it FULL here makes every commit durable before the write returns.
      try pool.writeWithoutTransaction { db in
        try db.execute(sql: "PRAGMA synchronous = FULL")
      }
      try SQLiteSchema.migrator.migrate(pool)
    } catch let error as DatabaseError {
      throw StoreError.unavailable("cannot open the database at \(path): \(error.message ?? "\(error)")")
    }
  }

  deinit {
    broadcaster.finishAll()
  }

  /// Opens (or creates) `souk.sqlite` in `directory`, e.g. a test's temporary folder.
  ///
  /// - Throws: ``StoreError/unavailable(_:)`` when the file cannot be opened or migrated.
  public static func inDirectory(_ directory: String) throws -> SQLiteMarketStore {
    try SQLiteMarketStore(path: URL(fileURLWithPath: directory).appendingPathComponent("souk.sqlite").path)
  }

  /// A stream that yields after every commit that changed the catalog or the fulfilment feed.
  public func changeNotifications() -> AsyncStream<Void> {
    broadcaster.subscribe()
  }

  /// Runs `body`: one process serves an SQLite file, so there is no other instance to wait for.
  public func withStartupLock<T: Sendable>(_ body: @Sendable () async throws -> T) async throws -> T {
    try await body()
  }

  // MARK: Running transactions

  /// Runs `body` in one write transaction and maps SQLite's errors; wakes the watchers after the commit when the
  /// result says the catalog or the feed changed.
  func write<T: Sendable>(_ body: @Sendable (Database) throws -> WriteResult<T>) async throws -> T {
    let result: WriteResult<T>
    do {
      result = try await pool.write(body)
    } catch let error as DatabaseError {
      throw StoreError.unavailable(Self.describe(error))
    }
    if result.notifies { broadcaster.signal() }
    return result.value
  }

  /// Runs `body` on a reader connection and maps SQLite's errors.
  func read<T: Sendable>(_ body: @Sendable (Database) throws -> T) async throws -> T {
    do {
      return try await pool.read(body)
    } catch let error as DatabaseError {
      throw StoreError.unavailable(Self.describe(error))
    }
  }

  /// A short description of a database error for ``StoreError/unavailable(_:)``.
  private static func describe(_ error: DatabaseError) -> String {
    "database error \(error.extendedResultCode.rawValue): \(error.message ?? "unknown")"
  }
}
