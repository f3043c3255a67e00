import SoukRPC

/// What a resumable feed streams, for ``FeedStream``: the catalog by revision, the fulfilment feed by sequence.
protocol FeedSource {
  /// What the store keeps for one position.
  associatedtype Record: Sendable
  /// What the watcher is sent.
  associatedtype Event: Sendable

  /// The newest position committed now.
  func newestPosition() async throws -> UInt64
  /// Up to `limit` records after `position`, oldest first.
  func records(after position: UInt64, limit: Int) async throws -> [Record]
  /// The position of `record`.
  func position(of record: Record) -> UInt64
  /// The event the watcher is sent for `record`; nil when it may not see it. `replaying` until CAUGHT_UP;
  /// `roundStart` is the position the current round of reading started after.
  func event(for record: Record, replaying: Bool, roundStart: UInt64) async throws -> Event?
  /// The CAUGHT_UP marker at `position`.
  func caughtUp(at position: UInt64) -> Event
  /// The refusal of a resume position beyond the newest (`FAILED_PRECONDITION`, `FEED_CURSOR_AHEAD`).
  func cursorAhead(_ requested: UInt64, newest: UInt64) -> MarketError
}

/// The server side of a resumable feed (SPEC 2.15, "Feeds"), written once for both feeds: every record after the
/// client's position, one CAUGHT_UP, then live records as they commit, in strictly increasing position, never one
/// twice, until the call ends.
///
/// It subscribes to the store's change notifications before reading anything, so a commit made during the replay
/// wakes the live loop and is read after the last position delivered. A cancelled call (the client's CANCEL, the
/// deadline, a shutdown) ends with `CancellationError`, never as if the feed had ended normally.
struct FeedStream<Source: FeedSource> {
  /// Records read from the store per query.
  static var batchSize: Int { 500 }

  /// What the feed reads and sends.
  let source: Source

  /// Streams the feed after `position` to `writer`, woken by `notifications`.
  func run(
    after position: UInt64,
    notifications: AsyncStream<Void>,
    to writer: RPCWriter<Source.Event>
  ) async throws {
    let newest = try await self.source.newestPosition()
    guard position <= newest else { throw self.source.cursorAhead(position, newest: newest) }
    var cursor = try await self.deliver(after: position, replaying: true, to: writer)
    // Every record up to `newest` committed before the replay started reading, so the replay saw those this
    // watcher may see: resuming after `newest` misses nothing.
    cursor = max(cursor, newest)
    try await writer.write(self.source.caughtUp(at: cursor))
    for await _ in notifications {
      try Task.checkCancellation()
      cursor = try await self.deliver(after: cursor, replaying: false, to: writer)
    }
    try Task.checkCancellation()
  }

  /// Sends every record after `position`, in batches, until the store has none left; returns the greatest
  /// position read (sent, or passed as not visible).
  private func deliver(
    after position: UInt64,
    replaying: Bool,
    to writer: RPCWriter<Source.Event>
  ) async throws -> UInt64 {
    var cursor = position
    while true {
      let records = try await self.source.records(after: cursor, limit: Self.batchSize)
      for record in records where self.source.position(of: record) > cursor {
        cursor = self.source.position(of: record)
        if let event = try await self.source.event(for: record, replaying: replaying, roundStart: position) {
          try await writer.write(event)
        }
      }
      if records.count < Self.batchSize { return cursor }
    }
  }
}
