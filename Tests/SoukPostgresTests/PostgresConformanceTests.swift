import Logging
import SoukPostgres
import SoukPostgresTestSupport
import SoukStore
import SoukStoreConformance
import Testing

/// The store conformance suite on ``PostgresMarketStore``, each check on a fresh database of the test server
/// (`SOUK_TEST_POSTGRES_URL`; see `TestPostgres`).
@Suite("PostgreSQL store conformance", .enabled(if: TestPostgres.isConfigured))
struct PostgresConformanceTests {
  /// The suite over fresh stores, each on a database of its own.
  let conformance = MarketStoreConformance {
    try await PostgresStores.open(label: "conformance")
  }

  @Test func cooperativesRoundTripWithFilters() async throws {
    try await conformance.cooperativesRoundTripWithFilters()
  }
  @Test func productsRoundTripWithFilters() async throws { try await conformance.productsRoundTripWithFilters() }
  @Test func productPagingMissesNothingWhileInserting() async throws {
    try await conformance.productPagingMissesNothingWhileInserting()
  }
  @Test func skuIsUniqueIgnoringASCIICase() async throws { try await conformance.skuIsUniqueIgnoringASCIICase() }
  @Test func bulkUpsertAppliesRowsOnTheirOwn() async throws {
    try await conformance.bulkUpsertAppliesRowsOnTheirOwn()
  }
  @Test func unchangedUpdateWritesNothing() async throws { try await conformance.unchangedUpdateWritesNothing() }
  @Test func updatesRaiseVersionAndRevision() async throws { try await conformance.updatesRaiseVersionAndRevision() }
  @Test func suspendingCooperativeFlipsOrderable() async throws {
    try await conformance.suspendingCooperativeFlipsOrderable()
  }
  @Test func idempotentReplayAndKeyReuse() async throws { try await conformance.idempotentReplayAndKeyReuse() }
  @Test func auditEntryWrittenOncePerMutation() async throws {
    try await conformance.auditEntryWrittenOncePerMutation()
  }
  @Test func catalogChangesAfterRevision() async throws { try await conformance.catalogChangesAfterRevision() }
  @Test func closureErrorsAreRethrownUnchanged() async throws {
    try await conformance.closureErrorsAreRethrownUnchanged()
  }
  @Test func partnersAndApiKeys() async throws { try await conformance.partnersAndApiKeys() }
  @Test func placeOrderIsAllOrNothing() async throws { try await conformance.placeOrderIsAllOrNothing() }
  @Test func concurrentOrdersNeverOversell() async throws { try await conformance.concurrentOrdersNeverOversell() }
  @Test func orderReferenceIsUniquePerPartner() async throws {
    try await conformance.orderReferenceIsUniquePerPartner()
  }
  @Test func updateOrderReleasesStockAndAppendsHistory() async throws {
    try await conformance.updateOrderReleasesStockAndAppendsHistory()
  }
  @Test func fulfilmentFeedFiltersAndOrder() async throws { try await conformance.fulfilmentFeedFiltersAndOrder() }
  @Test func changeNotificationsYieldAfterWrites() async throws {
    try await conformance.changeNotificationsYieldAfterWrites()
  }
  @Test func listOrdersFiltersAndPaging() async throws { try await conformance.listOrdersFiltersAndPaging() }
  @Test func fulfilmentFactsCoverRange() async throws { try await conformance.fulfilmentFactsCoverRange() }
}
