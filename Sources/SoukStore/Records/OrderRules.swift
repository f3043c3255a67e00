package import SoukAPI

/// What every store does with an order's history: which entries reach the fulfilment feed.
package enum OrderRules {
  /// The feed kind and cooperative of an event's feed entry, or nil for an event that has none (an order-level
  /// status change): a fulfilment's status change (CREATED from no status, else STATUS_CHANGED) or a payment.
  package static func feedEntry(
    for event: SoukOrdersV1.OrderEvent,
    of order: SoukOrdersV1.Order
  ) -> (kind: SoukOrdersV1.FulfilmentFeedEventKind, cooperativeID: String)? {
    switch event.change {
    case .fulfilmentStatusChanged(let change):
      let kind: SoukOrdersV1.FulfilmentFeedEventKind = change.fromStatus == .unspecified ? .created : .statusChanged
      let cooperativeID =
        order.fulfilments.first { $0.id == change.fulfilmentId }?.cooperativeId ?? change.cooperativeId
      return (kind, cooperativeID)
    case .paymentRecorded(let payment):
      let cooperativeID =
        payment.fulfilmentId.isEmpty
        ? "" : order.fulfilments.first { $0.id == payment.fulfilmentId }?.cooperativeId ?? ""
      return (.paymentRecorded, cooperativeID)
    case .orderStatusChanged, nil:
      return nil
    }
  }

  /// `events` numbered after `last`.
  package static func numbered(_ events: [SoukOrdersV1.OrderEvent], after last: UInt32) -> [SoukOrdersV1.OrderEvent] {
    events.enumerated().map { offset, event in
      var event = event
      event.eventNumber = last + UInt32(offset) + 1
      return event
    }
  }
}
