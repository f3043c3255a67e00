public import NIOCore
import SoukRPC

/// A started ``MarketServer``: where it listens, the keys it showed, and how to stop it.
public struct RunningMarketServer: Sendable {
  /// The address it listens on (with the real port when started on port 0).
  public let address: SocketAddress
  /// The settings it runs with.
  public let settings: ServerSettings
  /// The development CA clients must trust, when the server made its own certificate.
  public let developmentCAPath: String?
  /// The admin key issued at this start (the store had no active admin key), shown only now; nil otherwise.
  public let adminKey: String?
  /// The keys of the demonstration accounts created at this start, as (label, secret).
  public let demoKeys: [(label: String, secret: String)]
  let rpcServer: RPCServer
  /// Closes the store once no call runs any more (the PostgreSQL store's connections and listener).
  let closeStore: @Sendable () async -> Void

  /// Stops taking calls, lets the calls in flight finish (within the grace period), closes every connection, then
  /// closes the store.
  public func stop() async {
    await self.rpcServer.shutDown()
    await self.closeStore()
  }

  /// The banner's last line, after which the server is ready.
  public static let lastBannerLine = "Ready. Stop with Ctrl-C (SIGINT) or SIGTERM; calls in flight finish first."

  /// The start-up text: where to connect, what to trust, and the keys shown once.
  public var banner: String {
    let port = self.address.port ?? self.settings.port
    var lines = ["Souk is listening on \(self.settings.host):\(port) (TLS, ALPN souk/1)"]
    if let url = self.settings.databaseURL {
      lines.append("Store: PostgreSQL \(url) (shared with every instance serving it)")
      if self.developmentCAPath != nil {
        lines.append("Data folder: \(self.settings.dataDirectory) (development certificate only)")
      }
    } else {
      lines.append("Data folder: \(self.settings.dataDirectory) (SQLite database \(self.settings.databasePath))")
    }
    if let ca = self.developmentCAPath {
      lines.append("Development certificate for localhost and 127.0.0.1; clients trust its CA: \(ca)")
    }
    if let adminKey = self.adminKey {
      lines.append("Admin key (shown only this once; store it now): \(adminKey)")
    } else if self.settings.databaseURL != nil {
      lines.append(
        "The admin key was shown by the first instance to start on this store; keys are stored only as hashes and "
          + "never shown again.")
    } else {
      lines.append("The admin key was shown at the first start; keys are stored only as hashes and never shown again.")
    }
    for (label, secret) in self.demoKeys {
      lines.append("Demo key for \(label): \(secret)")
    }
    lines.append(Self.lastBannerLine)
    return lines.joined(separator: "\n")
  }
}
