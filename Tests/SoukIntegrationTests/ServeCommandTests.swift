import ArgumentParser
import Foundation
import Logging
import SoukAPI
import SoukAPIServices
import SoukRPC
import SoukServer
import SoukServerTestSupport
import SoukStorePostgres
import SoukTestSupport
import Testing

/// `souk serve` as a user runs it: its options and environment, its banner, `--demo`, and a graceful stop.
@Suite("souk serve")
struct ServeCommandTests {
  @Test("with no options it runs on the embedded defaults")
  func defaults() throws {
    let settings = try ServeCommand.parse([]).settings(environment: [:])
    #expect(settings.host == "127.0.0.1")
    #expect(settings.port == 7443)
    #expect(settings.dataDirectory == "souk-data")
    #expect(settings.databasePath == "souk-data/souk.sqlite")
    #expect(settings.certificateChainPath == nil)
    #expect(settings.clientCAPath == nil)
    #expect(!settings.demo)
  }

  @Test("options win over the environment, which wins over the defaults")
  func precedence() throws {
    let environment = [
      "SOUK_ADDRESS": "0.0.0.0:9000", "SOUK_DATA": "/var/lib/souk", "SOUK_LOG_LEVEL": "debug",
      "SOUK_MAX_CONNECTIONS": "50", "SOUK_DEMO": "1", "SOUK_CLIENT_CA": "/etc/souk/partners-ca.pem",
    ]
    let fromEnvironment = try ServeCommand.parse([]).settings(environment: environment)
    #expect(fromEnvironment.host == "0.0.0.0" && fromEnvironment.port == 9000)
    #expect(fromEnvironment.dataDirectory == "/var/lib/souk")
    #expect(fromEnvironment.logLevel == .debug)
    #expect(fromEnvironment.maxConnections == 50)
    #expect(fromEnvironment.demo)
    #expect(fromEnvironment.clientCAPath == "/etc/souk/partners-ca.pem")

    let command = try ServeCommand.parse(["--address", "[::1]:7444", "--data", "here", "--max-connections", "7"])
    let fromOptions = try command.settings(environment: environment)
    #expect(fromOptions.host == "::1" && fromOptions.port == 7444)
    #expect(fromOptions.dataDirectory == "here")
    #expect(fromOptions.maxConnections == 7)
  }

  @Test("--database (or SOUK_DATABASE) selects a PostgreSQL store; without it, or empty, SQLite in the data folder")
  func databaseOption() throws {
    #expect(try ServeCommand.parse([]).settings(environment: [:]).databaseURL == nil)
    #expect(try ServeCommand.parse([]).settings(environment: ["SOUK_DATABASE": ""]).databaseURL == nil)

    let environment = ["SOUK_DATABASE": "postgres://souk:secret@db.internal:6543/market"]
    let fromEnvironment = try #require(try ServeCommand.parse([]).settings(environment: environment).databaseURL)
    #expect(fromEnvironment.host == "db.internal" && fromEnvironment.port == 6543)
    #expect(fromEnvironment.username == "souk" && fromEnvironment.password == "secret")
    #expect(fromEnvironment.database == "market")

    let command = try ServeCommand.parse(["--database", "postgresql://other@127.0.0.1/souk"])
    let fromOption = try #require(try command.settings(environment: environment).databaseURL)
    #expect(fromOption.username == "other" && fromOption.host == "127.0.0.1" && fromOption.port == 5432)
  }

  @Test(
    "a bad --database URL is refused with the parser's reason",
    arguments: [
      ("mysql://souk@127.0.0.1/souk", "expected postgres://"),
      ("postgres:///souk", "names no host"),
      ("postgres://souk@127.0.0.1/souk?sslmode=require", "sslmode=require is not supported"),
    ]
  )
  func badDatabaseURL(url: String, reason: String) throws {
    let error = #expect(throws: ValidationError.self) {
      try ServeCommand.parse(["--database", url]).settings(environment: [:])
    }
    #expect(error?.message.contains("invalid PostgreSQL URL") == true, "\(String(describing: error))")
    #expect(error?.message.contains(reason) == true, "\(String(describing: error))")
  }

  @Test("`souk serve` with a bad database URL, or an unreachable database, exits non-zero saying why")
  func databaseStartFailures() async throws {
    let data = try TemporaryDirectory.make(prefix: "souk-bad-database")
    let environment = ToolProcess.inheritedEnvironment(without: "SOUK_")
    let common = ["serve", "--address", "127.0.0.1:0", "--data", data, "--log-level", "error"]

    let bad = try await ToolProcess.run(
      "souk", common + ["--database", "postgres://souk:secret@127.0.0.1/souk?sslmode=verify-full"],
      environment: environment)
    #expect(bad.status != 0, "\(bad)")
    #expect(bad.standardError.contains("sslmode=verify-full is not supported"), "\(bad)")
    #expect(!bad.standardOutput.contains("Souk is listening"), "\(bad)")

    // Nothing listens on port 1 of loopback: the connection is refused at once, and the operator learns it at once
    // rather than after a minute of retries.
    let unreachable = try await ToolProcess.run(
      "souk", common + ["--database", "postgres://souk:secret@127.0.0.1:1/souk"], environment: environment,
      within: .seconds(30))
    #expect(unreachable.status != 0, "\(unreachable)")
    let reason = try #require(unreachable.standardError.split(separator: "\n").last { $0.hasPrefix("Error: ") })
    #expect(reason.contains("cannot open the PostgreSQL store at postgres://souk:***@127.0.0.1:1/souk"), "\(reason)")
    #expect(!unreachable.standardError.contains("secret"), "the password is never printed: \(unreachable)")
    #expect(!unreachable.standardOutput.contains("Souk is listening"), "\(unreachable)")
  }

  @Test(
    "bad settings are refused with a message that says what to write",
    arguments: [
      (["--address", "localhost"], [:]),
      (["--address", "127.0.0.1:99999"], [:]),
      (["--tls-cert", "server.pem"], [:]),
      (["--log-level", "loud"], [:]),
      ([], ["SOUK_MAX_CONNECTIONS": "many"]),
      (["--max-streams", "0"], [:]),
    ] as [([String], [String: String])]
  )
  func badSettings(arguments: [String], environment: [String: String]) throws {
    #expect(throws: (any Error).self) {
      try ServeCommand.parse(arguments).settings(environment: environment)
    }
  }

  @Test("`souk serve --demo` prints its keys once, serves the Fès-Meknès demo, and stops cleanly on SIGTERM")
  func demoServer() async throws {
    let data = try TemporaryDirectory.make(prefix: "souk-demo")
    let server = try await ServerProcess.start(dataDirectory: data, arguments: ["--demo"])
    #expect(server.adminKey?.hasPrefix("souk_admin_") == true)
    let partnerKey = try #require(server.demoKey(for: "partner"))
    #expect(partnerKey.hasPrefix("souk_partner_"))
    #expect(server.banner.filter { $0.hasPrefix("Demo key for cooperative") }.count == 5)

    let rpc = try TestMarket.client(port: server.port, caPath: data + "/tls/ca.pem")
    let catalog = SoukCatalogV1.CatalogService.Client(wrapping: rpc)
    let partner = Key(secret: partnerKey)
    let cooperatives = try await catalog.listCooperatives(.init(), metadata: partner.metadata).cooperatives
    #expect(Set(cooperatives.map(\.city)) == ["Taza", "Fès", "Meknès", "Ifrane", "Sefrou"])
    #expect(cooperatives.allSatisfy { $0.region == .fesMeknes && !$0.name!.ar.isEmpty && !$0.name!.fr.isEmpty })
    let products = try await catalog.listProducts(.init(), metadata: partner.metadata).products
    #expect(products.count == 8)
    #expect(products.allSatisfy { $0.orderable && $0.price?.currencyCode == "MAD" && !($0.title?.ar.isEmpty ?? true) })
    rpc.close()
    #expect(try await server.stop(with: SIGTERM) == 0)

    // A second start on the same data shows no key and adds no second copy of the demo.
    let again = try await ServerProcess.start(dataDirectory: data, arguments: ["--demo"])
    #expect(again.adminKey == nil)
    #expect(!again.banner.contains { $0.hasPrefix("Demo key") })
    let rpcAgain = try TestMarket.client(port: again.port, caPath: data + "/tls/ca.pem")
    let productsAgain = try await SoukCatalogV1.CatalogService.Client(wrapping: rpcAgain)
      .listProducts(.init(), metadata: partner.metadata).products
    #expect(productsAgain.count == 8)
    rpcAgain.close()
    #expect(try await again.stop(with: SIGTERM) == 0)
  }
}
