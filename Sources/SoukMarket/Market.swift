public import SoukRPC
public import SoukStore

/// The marketplace as a server hosts it: its services and its authorization, over one store.
///
/// ```swift
/// let market = Market(store: store)
/// var configuration = RPCServer.Configuration(host: host, port: port, tls: tls)
/// configuration.interceptors = [LoggingInterceptor(logger: logger), MetricsInterceptor(), market.authorization]
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

  /// Resolves each call's caller from its API key or client certificate and refuses the roles its method does not
  /// allow; the last interceptor, so that logging and metrics see its refusals.
  public var authorization: any ServerInterceptor {
    MarketAuthorization(store: self.store)
  }
}
