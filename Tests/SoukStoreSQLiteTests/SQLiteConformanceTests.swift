import SoukStore
import SoukStoreConformance
import SoukStoreSQLite
import SoukTestSupport
import Testing

/// The store conformance suite on ``SQLiteMarketStore``, each check on a fresh database file.
@Suite("SQLite store conformance")
struct SQLiteConformanceTests {
  /// The suite over fresh stores in temporary folders.
  let conformance = MarketStoreConformance {
    try SQLiteMarketStore.inDirectory(try TemporaryDirectory.make(prefix: "souk-store"))
  }

  @Test(arguments: MarketStoreConformance.Check.allCases)
  func check(_ check: MarketStoreConformance.Check) async throws {
    try await conformance.run(check)
  }
}
