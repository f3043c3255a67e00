import Logging
import PostgresNIO
import SoukStore
import SoukStorePostgres
import SoukStorePostgresTestSupport
import Testing

/// What happens when instances start: migrations once under a lock, the start-up lock held by one at a time, an
/// unreachable server a clear error.
@Suite("PostgreSQL store start", .enabled(if: TestPostgres.isConfigured))
struct PostgresStoreStartTests {
  /// Opening four instances at once on a new database migrates it once; all four work.
  @Test func instancesStartingTogetherMigrateOnce() async throws {
    let url = try await TestPostgres.makeDatabase(label: "migrate")
    let stores = try await withThrowingTaskGroup(of: PostgresMarketStore.self) { group in
      for _ in 0..<4 {
        group.addTask {
          try await PostgresMarketStore.open(url, logger: Logger(label: "souk.test"), maximumConnections: 2)
        }
      }
      return try await group.reduce(into: [PostgresMarketStore]()) { $0.append($1) }
    }
    for store in stores {
      #expect(try await store.currentCatalogRevision() == 0)
    }
    let connection = try await PostgresConnection.connect(
      configuration: url.connectionConfiguration,
      id: 1,
      logger: Logger(label: "souk.test")
    )
    var versions: [Int] = []
    for try await version in try await connection.query(
      "SELECT version FROM souk_migrations", logger: connection.logger
    )
    .decode(Int.self) {
      versions.append(version)
    }
    try await connection.close()
    #expect(versions == [1])
    for store in stores { await store.close() }
  }

  /// Bodies run under the start-up lock by two instances never overlap.
  @Test func startupLockAdmitsOneInstanceAtATime() async throws {
    let url = try await TestPostgres.makeDatabase(label: "startup")
    let first = try await PostgresMarketStore.open(url, logger: Logger(label: "souk.test"), maximumConnections: 2)
    let second = try await PostgresMarketStore.open(url, logger: Logger(label: "souk.test"), maximumConnections: 2)
    let inside = OverlapCounter()
    try await withThrowingTaskGroup(of: Void.self) { group in
      for store in [first, second, first, second] {
        group.addTask {
          try await store.withStartupLock {
            inside.enter()
            // Long enough for the other instance to try the lock meanwhile.
            try await Task.sleep(for: .milliseconds(50))
            inside.leave()
          }
        }
      }
      try await group.waitForAll()
    }
    #expect(inside.most == 1)
    await first.close()
    await second.close()
  }

  /// A server nobody listens on is a StoreError naming the URL, without its password.
  @Test func unreachableServerIsUnavailable() async throws {
    let url = try PostgresStoreURL("postgres://souk:secret@127.0.0.1:1/souk")
    await #expect {
      _ = try await PostgresMarketStore.open(url, logger: Logger(label: "souk.test"))
    } throws: { error in
      guard case StoreError.unavailable(let message) = error else { return false }
      return message.contains("127.0.0.1:1/souk") && !message.contains("secret")
    }
  }
}
