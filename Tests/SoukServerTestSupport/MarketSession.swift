package import SoukAPI
package import SoukAPIServices
package import SoukRPC

/// A connection to a Souk server and its admin key: what the fixtures need.
package protocol MarketSession: Sendable {
  /// The connection the fixtures call through.
  var rpc: RPCClient { get }
  /// The operator's key.
  var admin: Key { get }
}

extension MarketSession {
  /// The catalog service over ``rpc``.
  package var catalog: SoukCatalogV1.CatalogService.Client { .init(wrapping: self.rpc) }
  /// The order service over ``rpc``.
  package var orders: SoukOrdersV1.OrderService.Client { .init(wrapping: self.rpc) }
  /// The admin service over ``rpc``.
  package var adminService: SoukAdminV1.AdminService.Client { .init(wrapping: self.rpc) }
}
