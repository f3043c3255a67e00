import Foundation
import Logging
import NIOCore
import NIOPosix
import SoukClient
import SoukRPC
import SoukServer
import SoukTestSupport

/// A real `MarketServer` (SQLite store, TLS with the development certificate it makes) on a data folder and a
/// port that stay the same across restarts, so clients reconnect to it as to a production server.
struct MarketUnderTest: Sendable {
  let dataDirectory: String
  let port: Int
  let caPath: String
  let running: RunningMarketServer
  /// The admin key issued at the first start.
  let adminKey: String

  /// Starts a server on a new data folder and a free port.
  static func start() async throws -> MarketUnderTest {
    let dataDirectory = try TemporaryDirectory.make(prefix: "souk-client-market")
    let running = try await Self.run(dataDirectory: dataDirectory, port: try await Self.freePort())
    guard let adminKey = running.adminKey, let caPath = running.developmentCAPath else {
      throw ClientTestFailure("a server on a new data folder issues an admin key and a development certificate")
    }
    return MarketUnderTest(
      dataDirectory: dataDirectory,
      port: running.address.port ?? 0,
      caPath: caPath,
      running: running,
      adminKey: adminKey
    )
  }

  /// Stops this server and starts a new one on the same data folder and port.
  func restarted() async throws -> MarketUnderTest {
    await self.running.stop()
    let running = try await Self.run(dataDirectory: self.dataDirectory, port: self.port)
    return MarketUnderTest(
      dataDirectory: self.dataDirectory,
      port: self.port,
      caPath: self.caPath,
      running: running,
      adminKey: self.adminKey
    )
  }

  func stop() async {
    await self.running.stop()
  }

  /// A client of this server (or of `port`, a proxy in front of it) with `key`.
  func client(key: String, port: Int? = nil) throws -> SoukClient {
    var options = SoukClient.Options()
    options.backoff = Backoff(initial: .milliseconds(50), maximum: .milliseconds(500))
    options.timeout = .seconds(20)
    return try SoukClient(
      address: "127.0.0.1:\(port ?? self.port)",
      key: key,
      trust: .certificateAuthority(path: self.caPath),
      options: options
    )
  }

  private static func run(dataDirectory: String, port: Int) async throws -> RunningMarketServer {
    var settings = ServerSettings()
    settings.port = port
    settings.dataDirectory = dataDirectory
    settings.logLevel = .warning
    var logger = Logger(label: "souk.client-tests.market")
    logger.logLevel = .warning
    return try await MarketServer(settings: settings, logger: logger, output: { _ in }).start()
  }

  /// A port nothing listens on now: bound to port 0, noted, released.
  private static func freePort() async throws -> Int {
    let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
      .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
      .bind(host: "127.0.0.1", port: 0)
      .get()
    let port = channel.localAddress?.port ?? 0
    try await channel.close()
    return port
  }
}

/// A precondition of a test that did not hold.
struct ClientTestFailure: Error, CustomStringConvertible {
  let description: String
  init(_ description: String) { self.description = description }
}
