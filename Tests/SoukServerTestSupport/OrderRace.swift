package import SoukAPI
import SoukAPIServices
package import SoukRPC
import SoukTestSupport

/// Orders placed all at once over several connections, as partners racing for the same jars, and what each call
/// returned.
package struct OrderRace: Sendable {
  /// The orders placed.
  package var placed: [SoukOrdersV1.Order] = []
  /// The calls refused, with their errors.
  package var refusals: [RPCError] = []

  /// Places every request at once, request `i` over `connections[i % connections.count]`, presenting `key`; fails
  /// when they have not all returned within `limit`.
  package static func place(
    _ requests: [SoukOrdersV1.PlaceOrderRequest],
    over connections: [RPCClient],
    key: Key,
    limit: Duration = .seconds(120)
  ) async throws -> OrderRace {
    try await withTimeout(limit, "\(requests.count) concurrent orders") {
      try await withThrowingTaskGroup(of: Result<SoukOrdersV1.Order, RPCError>.self) { group in
        for (index, request) in requests.enumerated() {
          let orders = SoukOrdersV1.OrderService.Client(wrapping: connections[index % connections.count])
          group.addTask {
            do {
              return .success(try await orders.placeOrder(request, metadata: key.metadata))
            } catch let error as RPCError {
              return .failure(error)
            }
          }
        }
        var race = OrderRace()
        for try await outcome in group {
          switch outcome {
          case .success(let order): race.placed.append(order)
          case .failure(let error): race.refusals.append(error)
          }
        }
        return race
      }
    }
  }
}
