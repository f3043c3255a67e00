public import SoukAPI
public import SoukRPC
import SoukStore

extension CatalogServiceHandler {
  /// Streams the catalog's changes the caller may see: a compacted replay after `after_revision`, one
  /// CAUGHT_UP, then live changes until the call ends (``FeedStream``). Revisions strictly increase.
  public func watchCatalog(
    request: SoukCatalogV1.WatchCatalogRequest,
    response: RPCWriter<SoukCatalogV1.CatalogChange>,
    context: ServerContext
  ) async throws {
    let call = try MarketCall(context)
    let notifications = self.store.changeNotifications()
    let feed = CatalogFeed(store: self.store, call: call, cooperativeIDs: request.cooperativeIds)
    try await FeedStream(source: feed).run(after: request.afterRevision, notifications: notifications, to: response)
  }
}
