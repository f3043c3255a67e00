import SoukAPI
import SoukAPIServices
import SoukRPC
import SoukWire
import Synchronization

/// A fake order and admin service that fails the first `failures` calls of each method with `unavailable`,
/// recording the idempotency key and the `authorization` metadata of every call it sees.
final class FlakyOrderService: RPCService {
  struct Seen: Sendable {
    var placeOrderKeys: [String] = []
    var issueKeyCalls = 0
    var authorizations: [[Metadata.Value]] = []
  }

  private let failures: Int
  private let seen = Mutex(Seen())

  init(failing failures: Int) {
    self.failures = failures
  }

  var calls: Seen { self.seen.withLock { $0 } }

  func registerMethods(with router: inout RPCRouter) {
    router.register(
      SoukOrdersV1.OrderService.Method.PlaceOrder.self,
      unary: { request, context in
        let attempt = self.seen.withLock { seen in
          seen.placeOrderKeys.append(request.idempotencyKey)
          seen.authorizations.append(context.requestMetadata.values(forKey: "authorization"))
          return seen.placeOrderKeys.count
        }
        if attempt <= self.failures { throw RPCError(code: .unavailable, message: "try again (attempt \(attempt))") }
        var order = SoukOrdersV1.Order()
        order.id = "ord_\(request.idempotencyKey)"
        order.partnerOrderReference = request.partnerOrderReference
        return order
      })
    router.register(
      SoukAdminV1.AdminService.Method.IssueApiKey.self,
      unary: { _, _ in
        self.seen.withLock { $0.issueKeyCalls += 1 }
        throw RPCError(code: .unavailable, message: "try again")
      })
  }
}
