package import SoukAPI

extension FulfilmentStateMachine {
  /// The order status the schema derives from its fulfilments' statuses, by the first rule that applies:
  /// 1. cancelled: CANCELLED; 2. no live (not REFUSED) fulfilment: REJECTED; 3. a live one PENDING: PLACED;
  /// 4. one ACCEPTED: ACCEPTED; 5. one SHIPPED: SHIPPED; 6. one DELIVERED: COMPLETED; 7. otherwise (all live
  /// ones DELIVERY_REFUSED): DELIVERY_REFUSED.
  package static func derivedStatus(
    of statuses: [SoukOrdersV1.FulfilmentStatus],
    cancelled: Bool
  ) -> SoukOrdersV1.OrderStatus {
    if cancelled { return .cancelled }
    let live = statuses.filter { $0 != .refused }
    if live.isEmpty { return .rejected }
    if live.contains(.pending) { return .placed }
    if live.contains(.accepted) { return .accepted }
    if live.contains(.shipped) { return .shipped }
    if live.contains(.delivered) { return .completed }
    return .deliveryRefused
  }
}
