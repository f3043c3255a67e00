import PostgresNIO
import SoukStore

extension PostgresMarketStore {
  /// Runs `body` in one READ COMMITTED transaction, committing when it returns and rolling back when it throws;
  /// runs it again from the start when PostgreSQL refused it because of a concurrent transaction, as far as a
  /// retry can cure that (see ``retry(after:attempt:)``). Wakes this instance's watchers after a commit that
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
      } catch let error as PSQLError {
        switch Self.retry(after: error.serverInfo?[.sqlState], attempt: attempt) {
        case .again:
          logger.debug("retrying a write after a conflict", metadata: ["attempt": "\(attempt)"])
          attempt += 1
        case .conflict: throw StoreError.conflict(Self.describe(error))
        case .unavailable: throw StoreError.unavailable(Self.describe(error))
        }
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

  /// What a failed attempt of a write leads to.
  enum RetryDecision: Equatable {
    /// Run the transaction again from the start.
    case again
    /// Report ``StoreError/conflict(_:)``: running it again would fail the same way.
    case conflict
    /// Report ``StoreError/unavailable(_:)``, which a client may retry later.
    case unavailable
  }

  /// What follows an attempt that failed with `sqlState` (nil for a connection failure), retrying only what a
  /// retry can cure: a serialization failure or deadlock (`40001`, `40P01`) up to ``maximumAttempts``; a unique
  /// violation (`23505`) twice, since a new run's checks see the row a concurrent transaction committed first
  /// (twice, should a third writer of the same key have slipped in between), so one that keeps coming back is
  /// the write's own and would repeat forever. Any other broken integrity rule (class `23`) is a conflict at once;
  /// everything else (resources, a lost connection) is unavailable.
  static func retry(after sqlState: String?, attempt: Int) -> RetryDecision {
    switch sqlState {
    case "40001", "40P01": attempt < Self.maximumAttempts ? .again : .unavailable
    case "23505": attempt < 3 ? .again : .conflict
    case let state? where state.hasPrefix("23"): .conflict
    default: .unavailable
    }
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
