import Foundation
import Logging
import PostgresNIO
import SoukStorePostgres

/// The PostgreSQL server of `souk-bench orders --postgres`: a fresh database for each configuration, dropped
/// afterwards, and the server settings that decide what a commit costs.
struct BenchPostgres: Sendable {
  /// What the server is set to do at each commit.
  struct CommitSettings: Sendable, CustomStringConvertible {
    /// `server_version`.
    var version: String
    /// `fsync`: whether PostgreSQL flushes its writes to disk at all.
    var fsync: String
    /// `synchronous_commit`: whether a commit waits for its WAL to be flushed.
    var synchronousCommit: String
    /// `full_page_writes`.
    var fullPageWrites: String
    /// `wal_sync_method`.
    var walSyncMethod: String

    /// Whether an acknowledged commit is on disk, as SQLite's `synchronous = FULL` commits are.
    var isDurable: Bool { fsync == "on" && synchronousCommit != "off" }

    var description: String {
      "PostgreSQL \(version), fsync \(fsync), synchronous_commit \(synchronousCommit), full_page_writes "
        + "\(fullPageWrites), wal_sync_method \(walSyncMethod)"
    }
  }

  /// The server refused something or answered something unexpected.
  struct Failure: Error, CustomStringConvertible {
    var description: String
    /// The SQLSTATE the server sent, if it sent one.
    var sqlState: String?
  }

  /// The server, as `--postgres` names it; its database is where new databases are created from.
  let server: PostgresStoreURL

  /// The URL of `--postgres` (or `SOUK_BENCH_POSTGRES_URL`).
  init(_ urlText: String) throws {
    server = try PostgresStoreURL(urlText)
  }

  /// The server's commit settings.
  func commitSettings() async throws -> CommitSettings {
    try await withConnection { connection in
      let rows = try await connection.query(
        """
        SELECT current_setting('server_version'), current_setting('fsync'), current_setting('synchronous_commit'),
          current_setting('full_page_writes'), current_setting('wal_sync_method')
        """,
        logger: connection.logger
      )
      for try await row in rows {
        let (version, fsync, synchronousCommit, fullPageWrites, walSyncMethod) = try row.decode(
          (String, String, String, String, String).self)
        return CommitSettings(
          version: version,
          fsync: fsync,
          synchronousCommit: synchronousCommit,
          fullPageWrites: fullPageWrites,
          walSyncMethod: walSyncMethod
        )
      }
      throw Failure(description: "PostgreSQL returned no settings")
    }
  }

  /// Creates a new, empty database named after `label` and returns its URL.
  func makeDatabase(label: String) async throws -> PostgresStoreURL {
    let suffix = UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(8).lowercased()
    let name = "souk_bench_\(label.lowercased().filter { $0.isLetter || $0.isNumber })_\(suffix)"
    try await withConnection { connection in
      // A database name cannot be a bind parameter; `name` is made of ASCII letters, digits and underscores.
      _ = try await connection.query(PostgresQuery(unsafeSQL: "CREATE DATABASE \(name)"), logger: connection.logger)
    }
    return server.withDatabase(name)
  }

  /// Drops a database ``makeDatabase(label:)`` made, once no instance uses it.
  ///
  /// Without `WITH (FORCE)`, which would need the right to end other roles' backends (an autovacuum worker may be
  /// in the database; PostgreSQL ends those itself); a database still in use is tried again for a few seconds.
  func dropDatabase(_ database: PostgresStoreURL) async throws {
    var attempt = 1
    while true {
      do {
        try await withConnection { connection in
          _ = try await connection.query(
            PostgresQuery(unsafeSQL: "DROP DATABASE IF EXISTS \(database.database)"),
            logger: connection.logger
          )
        }
        return
      } catch let error as Failure where error.sqlState == "55006" && attempt < 10 {
        // object_in_use: a connection has not closed yet.
        attempt += 1
        try await Task.sleep(for: .milliseconds(500))
      }
    }
  }

  /// What PostgreSQL said, which a `PSQLError`'s description hides.
  private static func failure(_ error: PSQLError) -> Failure {
    guard let message = error.serverInfo?[.message] else {
      return Failure(description: "PostgreSQL: \(String(reflecting: error))")
    }
    let sqlState = error.serverInfo?[.sqlState]
    return Failure(description: "PostgreSQL: \(message) (SQLSTATE \(sqlState ?? "?"))", sqlState: sqlState)
  }

  /// The URL as `souk serve --database` takes it, password included (the description hides it).
  static func urlText(_ url: PostgresStoreURL) -> String {
    let credentials = url.password.map { "\(url.username):\($0)" } ?? url.username
    return "postgres://\(credentials)@\(url.host):\(url.port)/\(url.database)"
  }

  /// Runs `body` on a new connection to the server's own database, then closes it.
  ///
  /// - Throws: ``Failure`` with what PostgreSQL said when it refuses the connection or a statement.
  private func withConnection<T: Sendable>(
    _ body: @Sendable (PostgresConnection) async throws -> T
  ) async throws -> T {
    do {
      let connection = try await PostgresConnection.connect(
        configuration: server.connectionConfiguration,
        id: 1,
        logger: Logger(label: "souk.bench.postgres")
      )
      do {
        let result = try await body(connection)
        try await connection.close()
        return result
      } catch {
        try? await connection.close()
        throw error
      }
    } catch let error as PSQLError {
      throw Self.failure(error)
    }
  }
}
