import Foundation
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
    var lines = [Banner.listeningPrefix + "\(self.settings.host):\(port) (TLS, ALPN souk/1)"]
    if let url = self.settings.databaseURL {
      lines.append("Store: PostgreSQL \(url) (shared with every instance serving it)")
      if self.developmentCAPath != nil {
        lines.append("Data folder: \(self.settings.dataDirectory) (development certificate only)")
      }
    } else {
      lines.append("Data folder: \(self.settings.dataDirectory) (SQLite database \(self.settings.databasePath))")
    }
    if let ca = self.developmentCAPath {
      lines.append("Development certificate for localhost and 127.0.0.1" + Banner.caPrefix + ca)
    }
    if let adminKey = self.adminKey {
      lines.append(Banner.adminKeyPrefix + adminKey)
    } else if self.settings.databaseURL != nil {
      lines.append(
        "The admin key was shown by the first instance to start on this store; keys are stored only as hashes and "
          + "never shown again.")
    } else {
      lines.append("The admin key was shown at the first start; keys are stored only as hashes and never shown again.")
    }
    for (label, secret) in self.demoKeys {
      lines.append("\(Banner.demoKeyPrefix)\(label): \(secret)")
    }
    lines.append(Self.lastBannerLine)
    return lines.joined(separator: "\n")
  }
}

/// The start-up banner read back, for programs that start `souk serve` as a child process (tests, benchmarks): the
/// one reader of what ``RunningMarketServer/banner`` writes, beside it.
public struct Banner: Sendable {
  /// The banner's lines as printed.
  public let lines: [String]
  /// The address it listens on, `HOST:PORT`.
  public let address: String
  /// The port it listens on.
  public let port: Int

  static let listeningPrefix = "Souk is listening on "
  static let caPrefix = "; clients trust its CA: "
  static let adminKeyPrefix = "Admin key (shown only this once; store it now): "
  static let demoKeyPrefix = "Demo key for "

  /// Reads `lines`; nil unless they end with ``RunningMarketServer/lastBannerLine`` and name the address.
  public init?(lines: [String]) {
    guard lines.last == RunningMarketServer.lastBannerLine,
      let listening = lines.first(where: { $0.hasPrefix(Self.listeningPrefix) }),
      let address = listening.dropFirst(Self.listeningPrefix.count).split(separator: " ").first,
      let port = address.split(separator: ":").last.flatMap({ Int($0) })
    else { return nil }
    self.lines = lines
    self.address = String(address)
    self.port = port
  }

  /// The development CA clients must trust; nil when the server serves its own certificate.
  public var caPath: String? {
    for line in self.lines {
      if let range = line.range(of: Self.caPrefix) { return String(line[range.upperBound...]) }
    }
    return nil
  }

  /// The admin key shown at this start; nil when it was shown before.
  public var adminKey: String? {
    self.lines.first { $0.hasPrefix(Self.adminKeyPrefix) }.map { String($0.dropFirst(Self.adminKeyPrefix.count)) }
  }

  /// The demo key of the account whose label starts with `label` (`partner`, `cooperative Taza`, …); nil without
  /// one.
  public func demoKey(for label: String) -> String? {
    let prefix = Self.demoKeyPrefix + label
    return self.lines.first { $0.hasPrefix(prefix) }?.split(separator: " ").last.map(String.init)
  }
}
