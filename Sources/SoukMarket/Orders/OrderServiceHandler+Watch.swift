public import SoukAPI
public import SoukRPC
import SoukStore

extension OrderServiceHandler {
  /// How many feed entries one store read returns.
  static let feedPageSize = 200

  /// Streams the fulfilment events the caller may see: the replay after `after_sequence`, one CAUGHT_UP, then
  /// live events, in strictly increasing sequence, until the client cancels.
  ///
  /// It subscribes to the store's change notifications before reading anything, so a commit made during the
  /// replay wakes the live loop and is read after the last sequence delivered: nothing is missed or repeated.
  public func watchFulfilments(
    request: SoukOrdersV1.WatchFulfilmentsRequest,
    response: RPCWriter<SoukOrdersV1.FulfilmentFeedEvent>,
    context: ServerContext
  ) async throws {
    let call = try MarketCall(context)
    let scope = try Self.feedScope(request, call: call)
    let notifications = self.store.changeNotifications()
    let newest = try await mapStoreErrors { try await self.store.currentFeedSequence() }
    guard request.afterSequence <= newest else {
      throw MarketError(
        .failedPrecondition,
        .feedCursorAhead,
        "after_sequence \(request.afterSequence) is beyond the feed's newest sequence \(newest)",
        metadata: ["current_sequence": String(newest)]
      )
    }
    var cursor = try await self.sendFeed(after: request.afterSequence, scope: scope, call: call, to: response)
    // Every entry up to `newest` committed before the replay started reading, so the replay saw those of this
    // caller: resuming after `newest` misses nothing.
    cursor = max(cursor, newest)
    var caughtUp = SoukOrdersV1.FulfilmentFeedEvent()
    caughtUp.sequence = cursor
    caughtUp.kind = .caughtUp
    try await response.write(caughtUp)
    for await _ in notifications {
      try Task.checkCancellation()
      cursor = try await self.sendFeed(after: cursor, scope: scope, call: call, to: response)
    }
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

  /// Sends every entry of the scope after `sequence`, each with its order as the caller may see it now;
  /// returns the last sequence sent (or `sequence`).
  private func sendFeed(
    after sequence: UInt64,
    scope: (cooperativeID: String?, partnerID: String?),
    call: MarketCall,
    to response: RPCWriter<SoukOrdersV1.FulfilmentFeedEvent>
  ) async throws -> UInt64 {
    var cursor = sequence
    while true {
      let after = cursor
      let records = try await mapStoreErrors {
        try await self.store.fulfilmentFeed(
          after: after,
          cooperativeID: scope.cooperativeID,
          partnerID: scope.partnerID,
          limit: Self.feedPageSize
        )
      }
      for record in records where record.sequence > cursor {
        let order = try await mapStoreErrors { try await self.store.order(id: record.orderID) }
        var event = SoukOrdersV1.FulfilmentFeedEvent()
        event.sequence = record.sequence
        event.kind = record.kind
        event.event = record.event
        event.order = order.flatMap { OrderView.view(of: $0, for: call.caller.principal) }
        try await response.write(event)
        cursor = record.sequence
      }
      if records.count < Self.feedPageSize { return cursor }
    }
  }
}
