import PostgresNIO
import SoukStore

/// The `catalog_state` and `feed_state` rows: the counters of catalog revisions and fulfilment-feed sequences
/// (the feed's is taken by the statement that writes the entry, `OrderTable.appendFeedEntries`).
///
/// Taking a number updates the counter's row, which locks it until the transaction ends: the numbers are taken
/// and committed in the same order, so a reader that sees number `n` has already seen every number below it. A
/// transaction takes its counters after locking every other row it changes (and the catalog's before the
/// feed's), so that it never waits for a row while holding a counter.
enum Counters {
  /// Takes the next catalog revision.
  static func nextRevision(_ session: SQLSession) async throws -> UInt64 {
    try await next("UPDATE catalog_state SET revision = revision + 1 WHERE id = 1 RETURNING revision", session)
  }

  /// The newest catalog revision committed.
  static func currentRevision(_ session: SQLSession) async throws -> UInt64 {
    try await next("SELECT revision FROM catalog_state WHERE id = 1", session)
  }

  /// The newest fulfilment-feed sequence committed.
  static func currentFeedSequence(_ session: SQLSession) async throws -> UInt64 {
    try await next("SELECT sequence FROM feed_state WHERE id = 1", session)
  }

  /// The one number `sql` returns.
  private static func next(_ sql: String, _ session: SQLSession) async throws -> UInt64 {
    guard let row = try await session.rows(sql).first else {
      throw StoreError.unavailable("the counters of the PostgreSQL store are missing")
    }
    return UInt64(bitPattern: try row.value(Int64.self))
  }
}
