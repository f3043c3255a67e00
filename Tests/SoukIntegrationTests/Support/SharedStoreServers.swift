import Foundation
import SoukRPC
import SoukServerTestSupport
import SoukStorePostgres
import SoukStorePostgresTestSupport
import SoukTestSupport
import Testing

/// Two `souk serve` processes (the real executable, port 0, real TLS) started together on one fresh PostgreSQL
/// database of the test server, each with its own data folder and so its own development certificate.
struct SharedStoreServers {
  /// The database both serve.
  let database: PostgresStoreURL
  /// The two instances, in the order they were started.
  let instances: [ServerProcess]
  /// The development CA of each instance, in the same order.
  let caPaths: [String]

  /// Starts two instances at once on a new database named after `label`, each with `arguments` added.
  ///
  /// If either fails to start, the other is killed before the error is rethrown.
  static func start(label: String, arguments: [String] = []) async throws -> SharedStoreServers {
    let database = try await TestPostgres.makeDatabase(label: label)
    let folders = try (0..<2).map { index in try TemporaryDirectory.make(prefix: "souk-\(label)-\(index)") }
    let outcomes = await withTaskGroup(of: (Int, Result<ServerProcess, any Error>).self) { group in
      for (index, folder) in folders.enumerated() {
        group.addTask {
          do {
            let server = try await ServerProcess.start(
              dataDirectory: folder, arguments: ["--database", Self.urlText(database)] + arguments)
            return (index, .success(server))
          } catch {
            return (index, .failure(error))
          }
        }
      }
      var outcomes: [(Int, Result<ServerProcess, any Error>)] = []
      for await outcome in group { outcomes.append(outcome) }
      return outcomes.sorted { $0.0 < $1.0 }.map(\.1)
    }
    let started = outcomes.compactMap { try? $0.get() }
    if started.count < outcomes.count {
      for server in started { _ = try? await server.stop(with: SIGKILL) }
      for case .failure(let error) in outcomes { throw error }
    }
    return SharedStoreServers(database: database, instances: started, caPaths: folders.map { $0 + "/tls/ca.pem" })
  }

  /// Runs `body` against two new instances and stops both afterwards (SIGTERM), also when `body` throws; after a
  /// successful `body`, expects both to exit with status 0 (a graceful stop that closes the store).
  static func with<T>(
    label: String,
    arguments: [String] = [],
    _ body: (SharedStoreServers) async throws -> T
  ) async throws -> T {
    let servers = try await Self.start(label: label, arguments: arguments)
    do {
      let result = try await body(servers)
      #expect(try await servers.stop() == [0, 0], "both instances stop gracefully on SIGTERM")
      return result
    } catch {
      _ = try? await servers.stop()
      throw error
    }
  }

  /// The URL as `souk serve --database` takes it, password included (the description hides it).
  static func urlText(_ url: PostgresStoreURL) -> String {
    let credentials = url.password.map { "\(url.username):\($0)" } ?? url.username
    return "postgres://\(credentials)@\(url.host):\(url.port)/\(url.database)"
  }

  /// The admin keys the instances printed: exactly one between them when they took turns at start-up.
  var adminKeys: [String] { self.instances.compactMap { $0.adminKey } }

  /// A new TLS connection to instance `index` (0 or 1), trusting its development CA.
  func connect(to index: Int) throws -> RPCClient {
    try TestMarket.client(port: self.instances[index].port, caPath: self.caPaths[index])
  }

  /// Stops both instances with SIGTERM and returns their exit statuses.
  func stop() async throws -> [Int32] {
    var statuses: [Int32] = []
    for server in self.instances { statuses.append(try await server.stop(with: SIGTERM)) }
    return statuses
  }
}
