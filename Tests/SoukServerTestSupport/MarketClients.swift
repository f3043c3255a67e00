package import SoukRPC

/// A session over any connection (a server in a child process, say).
package struct MarketClients: MarketSession {
  /// The connection.
  package let rpc: RPCClient
  /// The operator's key.
  package let admin: Key

  /// A session over `rpc` with the operator's key `admin`.
  package init(rpc: RPCClient, admin: Key) {
    self.rpc = rpc
    self.admin = admin
  }
}
