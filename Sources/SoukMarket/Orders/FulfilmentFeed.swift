import SoukAPI
import SoukRPC
import SoukStore

/// The fulfilment feed as one watcher may see it, for ``FeedStream``: the entries of its scope by sequence, each
/// sent with its order as the caller may see it now.
struct FulfilmentFeed: FeedSource {
  /// Where the orders are kept.
  let store: any MarketStore
  /// The watcher.
  let call: MarketCall
  /// The cooperative the feed is limited to; nil for all.
  let cooperativeID: String?
  /// The partner the feed is limited to; nil for all.
  let partnerID: String?

  func newestPosition() async throws -> UInt64 {
    try await mapStoreErrors { try await self.store.currentFeedSequence() }
  }

  func records(after position: UInt64, limit: Int) async throws -> [FeedRecord] {
    let (cooperativeID, partnerID) = (self.cooperativeID, self.partnerID)
    return try await mapStoreErrors {
      try await self.store.fulfilmentFeed(
        after: position, cooperativeID: cooperativeID, partnerID: partnerID, limit: limit)
    }
  }

  func position(of record: FeedRecord) -> UInt64 {
    record.sequence
  }

  func event(for record: FeedRecord, replaying: Bool, roundStart: UInt64) async throws
    -> SoukOrdersV1.FulfilmentFeedEvent?
  {
    let order = try await mapStoreErrors { try await self.store.order(id: record.orderID) }
    var event = SoukOrdersV1.FulfilmentFeedEvent()
    event.sequence = record.sequence
    event.kind = record.kind
    event.event = record.event
    event.order = order.flatMap { OrderView.view(of: $0, for: self.call.caller.principal) }
    return event
  }

  func caughtUp(at position: UInt64) -> SoukOrdersV1.FulfilmentFeedEvent {
    var caughtUp = SoukOrdersV1.FulfilmentFeedEvent()
    caughtUp.sequence = position
    caughtUp.kind = .caughtUp
    return caughtUp
  }

  func cursorAhead(_ requested: UInt64, newest: UInt64) -> MarketError {
    MarketError(
      .failedPrecondition,
      .feedCursorAhead,
      "after_sequence \(requested) is beyond the feed's newest sequence \(newest)",
      metadata: ["current_sequence": String(newest)]
    )
  }
}
