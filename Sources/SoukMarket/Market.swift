public import SoukRPC
public import SoukStore

/// The marketplace as a server hosts it: its services and its authenticator, over one store.
///
/// ```swift
/// let market = Market(store: store)
/// var configuration = RPCServer.Configuration(host: host, port: port, tls: tls)
/// configuration.authenticator = market.authenticator
/// let server = RPCServer(configuration: configuration, router: RPCRouter(services: market.services))
/// ```
public struct Market: Sendable {
  /// Where the marketplace is kept.
  public let store: any MarketStore

  /// Creates the marketplace over `store`.
  public init(store: any MarketStore) {
    self.store = store
  }

  /// Every service of the marketplace.
  public var services: [any RPCService] {
    [
      CatalogServiceHandler(store: self.store),
      OrderServiceHandler(store: self.store),
      AdminServiceHandler(store: self.store),
      AccountServiceHandler(store: self.store),
    ]
  }

  /// Resolves callers from their API keys.
  public var authenticator: any Authenticator {
    ApiKeyAuthenticator(store: self.store)
  }
}
