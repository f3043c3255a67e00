public import SoukAPI
public import SoukRPC
import SoukStore

extension CatalogServiceHandler {
  /// Records read from the store per query while replaying or catching up.
  static let watchBatchSize = 500

  /// Streams the catalog's changes the caller may see: a compacted replay after `after_revision`, one
  /// CAUGHT_UP, then live changes until the call is cancelled. Revisions strictly increase along the stream.
  public func watchCatalog(
    request: SoukCatalogV1.WatchCatalogRequest,
    response: RPCWriter<SoukCatalogV1.CatalogChange>,
    context: ServerContext
  ) async throws {
    let call = try MarketCall(context)
    // Subscribe before the first read, so that no commit between the replay and the live phase goes unseen.
    let notifications = self.store.changeNotifications()
    let newest = try await mapStoreErrors { try await self.store.currentCatalogRevision() }
    guard request.afterRevision <= newest else {
      throw MarketError(
        .failedPrecondition,
        .feedCursorAhead,
        "revision \(request.afterRevision) is newer than the catalog's newest (\(newest)); resynchronise from 0",
        metadata: ["current_revision": String(newest)]
      )
    }
    var feed = CatalogFeed(call: call, cooperativeIDs: request.cooperativeIds, after: request.afterRevision)
    try await feed.deliverPending(from: self.store, to: response, replay: true)
    feed.cursor = max(feed.cursor, newest)
    var caughtUp = SoukCatalogV1.CatalogChange()
    caughtUp.kind = .caughtUp
    caughtUp.revision = feed.cursor
    caughtUp.changedAt = .now()
    try await response.write(caughtUp)

    for await _ in notifications {
      if Task.isCancelled { break }
      try await feed.deliverPending(from: self.store, to: response, replay: false)
    }
  }
}
