import PostgresNIO
import SoukStore

extension PostgresMarketStore {
  /// Runs `body` in one READ COMMITTED transaction, committing when it returns and rolling back when it throws;
  /// runs it again from the start when PostgreSQL refused it because of a concurrent transaction (deadlock,
  /// serialization failure, a unique key taken first). Wakes this instance's watchers after a commit that
  /// changed the catalog or the feed (the counters' trigger wakes the other instances').
  func write<T: Sendable>(_ body: @Sendable (SQLSession) async throws -> WriteResult<T>) async throws -> T {
    var attempt = 1
    while true {
      do {
        let result = try await client.withConnection { connection in
          let session = SQLSession(connection: connection, logger: logger)
          try await session.execute("BEGIN ISOLATION LEVEL READ COMMITTED")
          do {
            let result = try await body(session)
            try await session.execute("COMMIT")
            return result
          } catch {
            try? await session.execute("ROLLBACK")
            throw error
          }
        }
        if result.notifies { broadcaster.signal() }
        return result.value
      } catch let error as PSQLError where Self.isConflict(error) && attempt < Self.maximumAttempts {
        logger.debug("retrying a write after a conflict", metadata: ["attempt": "\(attempt)"])
        attempt += 1
      } catch let error as PSQLError {
        throw StoreError.unavailable(Self.describe(error))
      }
    }
  }

  /// Runs `body` on a pooled connection, each statement on the data committed when it starts.
  func read<T: Sendable>(_ body: @Sendable (SQLSession) async throws -> T) async throws -> T {
    try await mapErrors {
      try await client.withConnection { connection in
        try await body(SQLSession(connection: connection, logger: logger))
      }
    }
  }

  /// Runs `body`, turning PostgreSQL's errors into ``StoreError/unavailable(_:)``.
  func mapErrors<T>(_ body: () async throws -> T) async throws -> T {
    do {
      return try await body()
    } catch let error as PSQLError {
      throw StoreError.unavailable(Self.describe(error))
    }
  }

  /// Whether PostgreSQL refused a statement because of a concurrent transaction, so that running the whole
  /// transaction again can succeed: serialization failure, deadlock, unique violation.
  static func isConflict(_ error: PSQLError) -> Bool {
    guard let state = error.serverInfo?[.sqlState] else { return false }
    return ["40001", "40P01", "23505"].contains(state)
  }

  /// A short description of a PostgreSQL error for ``StoreError/unavailable(_:)``.
  static func describe(_ error: any Error) -> String {
    guard let error = error as? PSQLError else { return "\(error)" }
    if let info = error.serverInfo {
      return "PostgreSQL error \(info[.sqlState] ?? "?"): \(info[.message] ?? "unknown")"
    }
    if let underlying = error.underlying {
      return "PostgreSQL connection error (\(error.code)): \(underlying)"
    }
    return "PostgreSQL connection error: \(error.code)"
  }
}
