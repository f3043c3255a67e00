import Foundation
import Logging
import PostgresNIO
import SoukPostgres

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

  /// The server answered something unexpected.
  struct Failure: Error, CustomStringConvertible {
    var description: String
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
  func dropDatabase(_ database: PostgresStoreURL) async throws {
    try await withConnection { connection in
      _ = try await connection.query(
        PostgresQuery(unsafeSQL: "DROP DATABASE IF EXISTS \(database.database) WITH (FORCE)"),
        logger: connection.logger
      )
    }
  }

  /// The URL as `souk serve --database` takes it, password included (the description hides it).
  static func urlText(_ url: PostgresStoreURL) -> String {
    let credentials = url.password.map { "\(url.username):\($0)" } ?? url.username
    return "postgres://\(credentials)@\(url.host):\(url.port)/\(url.database)"
  }

  /// Runs `body` on a new connection to the server's own database, then closes it.
  private func withConnection<T: Sendable>(
    _ body: @Sendable (PostgresConnection) async throws -> T
  ) async throws -> T {
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
  }
}
