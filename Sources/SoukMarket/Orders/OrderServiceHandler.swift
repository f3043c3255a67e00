public import SoukAPI
public import SoukAPIServices
public import SoukStore

/// `souk.orders.v1.OrderService` over a ``MarketStore``: partners place and follow orders, cooperatives fulfil
/// their parts, admins may do every step the transition table allows them.
///
/// Each method validates its request (every wrong field at once), checks the caller may see the order (others'
/// orders are `NOT_FOUND`), makes one store call (a state change runs ``FulfilmentStateMachine`` inside the
/// store's transaction) and answers with the order as the caller may see it (``OrderView``).
public struct OrderServiceHandler: SoukOrdersV1.OrderService.ServiceProtocol {
  /// Where orders live.
  let store: any MarketStore

  /// A handler over `store`.
  public init(store: any MarketStore) {
    self.store = store
  }

  /// The order as `call`'s caller may see it; `NOT_FOUND` when it may not see it (or `order` is nil).
  func visible(_ order: SoukOrdersV1.Order?, id: String, call: MarketCall) throws(MarketError) -> SoukOrdersV1.Order {
    guard let order, let view = OrderView.view(of: order, for: call.caller.principal) else {
      throw MarketError.notFound("order", id: id)
    }
    return view
  }
}
