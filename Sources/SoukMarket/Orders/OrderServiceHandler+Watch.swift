public import SoukAPI
public import SoukRPC
import SoukStore

extension OrderServiceHandler {
  /// Streams the fulfilment events the caller may see: the replay after `after_sequence`, one CAUGHT_UP, then
  /// live events, in strictly increasing sequence, until the call ends (``FeedStream``).
  public func watchFulfilments(
    request: SoukOrdersV1.WatchFulfilmentsRequest,
    response: RPCWriter<SoukOrdersV1.FulfilmentFeedEvent>,
    context: ServerContext
  ) async throws {
    let call = try MarketCall(context)
    let scope = try Self.feedScope(request, call: call)
    let notifications = self.store.changeNotifications()
    let feed = FulfilmentFeed(
      store: self.store, call: call, cooperativeID: scope.cooperativeID, partnerID: scope.partnerID)
    try await FeedStream(source: feed).run(after: request.afterSequence, notifications: notifications, to: response)
  }

  /// The cooperative and partner the caller's feed is limited to: its own for a cooperative or a partner (naming
  /// another is `PERMISSION_DENIED`), the request's filters for an admin.
  static func feedScope(
    _ request: SoukOrdersV1.WatchFulfilmentsRequest,
    call: MarketCall
  ) throws(MarketError) -> (cooperativeID: String?, partnerID: String?) {
    let cooperative = request.cooperativeId.isEmpty ? nil : request.cooperativeId
    let partner = request.partnerId.isEmpty ? nil : request.partnerId
    switch call.kind {
    case .cooperative:
      if let cooperative, cooperative != call.principalID {
        throw MarketError.notOwner("a cooperative watches only its own fulfilments")
      }
      return (call.principalID, partner)
    case .partner:
      if let partner, partner != call.principalID {
        throw MarketError.notOwner("a partner watches only its own orders")
      }
      return (cooperative, call.principalID)
    default:
      return (cooperative, partner)
    }
  }
}
