import Logging
import SoukStore
import SoukStoreConformance
import SoukStorePostgres
import SoukStorePostgresTestSupport
import Testing

/// The store conformance suite on ``PostgresMarketStore``, each check on a fresh database of the test server
/// (`SOUK_TEST_POSTGRES_URL`; see `TestPostgres`).
@Suite("PostgreSQL store conformance", .enabled(if: TestPostgres.isConfigured))
struct PostgresConformanceTests {
  /// The suite over fresh stores, each on a database of its own.
  let conformance = MarketStoreConformance {
    try await PostgresStores.open(label: "conformance")
  }

  @Test(arguments: MarketStoreConformance.Check.allCases)
  func check(_ check: MarketStoreConformance.Check) async throws {
    try await conformance.run(check)
  }
}
