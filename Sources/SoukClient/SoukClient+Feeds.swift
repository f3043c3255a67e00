public import SoukAPI
import SoukAPIServices

extension SoukClient {
  /// The catalog's changes after `revision`, as an endless sequence that survives disconnects and server
  /// restarts.
  ///
  /// It replays what changed after `revision` (0: the whole catalog), then a `CATALOG_CHANGE_KIND_CAUGHT_UP`
  /// marker, then live changes. After losing the connection it calls WatchCatalog again from the last revision
  /// it delivered (waiting with jittered backoff while the server is unavailable) and delivers each revision
  /// once; every new call sends a new CAUGHT_UP marker. After applying a change (or a marker), store its
  /// `revision` as the resume point.
  ///
  /// The sequence ends by throwing ``SoukError`` only for what retrying cannot fix (a revoked key, a revision
  /// ahead of the feed...). Cancelling the consuming task, or leaving the `for` loop, ends the call.
  ///
  /// ```swift
  /// for try await change in souk.catalogChanges(after: store.revision) {
  ///   if change.kind == .caughtUp { showMirrorReady() } else { mirror.apply(change) }
  ///   store.revision = change.revision
  /// }
  /// ```
  ///
  /// - Parameter cooperativeIDs: only these cooperatives and their products; empty for the whole catalog.
  public func catalogChanges(
    after revision: UInt64,
    cooperativeIDs: [String] = []
  ) -> AsyncThrowingStream<SoukCatalogV1.CatalogChange, any Error> {
    FeedFollower<SoukCatalogV1.CatalogService.Method.WatchCatalog>(
      rpc: self.rpc,
      backoff: self.options.backoff,
      request: { after in
        var request = SoukCatalogV1.WatchCatalogRequest()
        request.afterRevision = after
        request.cooperativeIds = cooperativeIDs
        return request
      },
      position: { $0.revision },
      isMarker: { $0.kind == .caughtUp }
    ).elements(after: revision)
  }

  /// The fulfilment feed's events after `sequence`, as an endless sequence that survives disconnects and server
  /// restarts: a cooperative's new orders and cancellations, a partner's orders' progress.
  ///
  /// It replays the events after `sequence` (0: the oldest retained), then a
  /// `FULFILMENT_FEED_EVENT_KIND_CAUGHT_UP` marker, then live events; it resumes from the last sequence it
  /// delivered and delivers each sequence once. Store `event.sequence` after handling an event. Ends by throwing
  /// ``SoukError`` only for what retrying cannot fix (an expired or future cursor, a revoked key...).
  ///
  /// ```swift
  /// for try await event in souk.fulfilmentEvents(after: store.sequence) where event.kind == .created {
  ///   print("new order", event.order?.id ?? "")
  /// }
  /// ```
  ///
  /// - Parameters:
  ///   - cooperativeID: an admin's filter; a cooperative always gets its own events.
  ///   - partnerID: an admin's filter; a partner always gets its own events.
  public func fulfilmentEvents(
    after sequence: UInt64,
    cooperativeID: String = "",
    partnerID: String = ""
  ) -> AsyncThrowingStream<SoukOrdersV1.FulfilmentFeedEvent, any Error> {
    FeedFollower<SoukOrdersV1.OrderService.Method.WatchFulfilments>(
      rpc: self.rpc,
      backoff: self.options.backoff,
      request: { after in
        var request = SoukOrdersV1.WatchFulfilmentsRequest()
        request.afterSequence = after
        request.cooperativeId = cooperativeID
        request.partnerId = partnerID
        return request
      },
      position: { $0.sequence },
      isMarker: { $0.kind == .caughtUp }
    ).elements(after: sequence)
  }
}
