import SoukStore
import SoukStoreConformance
import SoukTestSupport
import Testing

/// The store conformance suite on ``SQLiteMarketStore``, each check on a fresh database file.
@Suite("SQLite store conformance")
struct SQLiteConformanceTests {
  /// The suite over fresh stores in temporary folders.
  let conformance = MarketStoreConformance {
    try SQLiteMarketStore.inDirectory(try TemporaryDirectory.make(prefix: "souk-store"))
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
