import Logging
import SoukStore
import SoukStoreConformance
import SoukStorePostgres
import SoukStorePostgresTestSupport
import Testing

/// The shared-store contract on PostgreSQL: several ``PostgresMarketStore`` instances, each with its own pool and
/// listener as a `souk serve` process has, on one fresh database.
@Suite("PostgreSQL store shared by instances", .enabled(if: TestPostgres.isConfigured))
struct PostgresSharedStoreTests {
  let conformance = SharedStoreConformance { count in
    let url = try await TestPostgres.makeDatabase(label: "shared")
    var instances: [any MarketStore] = []
    for _ in 0..<count {
      instances.append(
        try await PostgresMarketStore.open(url, logger: Logger(label: "souk.test.store"), maximumConnections: 8)
      )
    }
    return instances
  }

  @Test(arguments: SharedStoreConformance.Check.allCases)
  func check(_ check: SharedStoreConformance.Check) async throws {
    try await conformance.run(check)
  }
}
