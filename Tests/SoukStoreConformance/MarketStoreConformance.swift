public import SoukStore

/// The contract of ``MarketStore`` as checks any store must pass unchanged (SQLite and PostgreSQL).
///
/// Each check takes a fresh store from `makeStore` and fails through Swift Testing's `#expect`/`#require`, so a
/// test target runs each as its own `@Test`; ``runAll()`` runs them one after another.
public struct MarketStoreConformance: Sendable {
  /// Makes a new, empty store for one check.
  let makeStore: @Sendable () async throws -> any MarketStore

  /// Creates the suite over stores made by `makeStore`.
  public init(makeStore: @escaping @Sendable () async throws -> any MarketStore) {
    self.makeStore = makeStore
  }

  /// Runs every check, each on its own fresh store.
  public func runAll() async throws {
    try await cooperativesRoundTripWithFilters()
    try await productsRoundTripWithFilters()
    try await productPagingMissesNothingWhileInserting()
    try await skuIsUniqueIgnoringASCIICase()
    try await bulkUpsertAppliesRowsOnTheirOwn()
    try await unchangedUpdateWritesNothing()
    try await updatesRaiseVersionAndRevision()
    try await suspendingCooperativeFlipsOrderable()
    try await idempotentReplayAndKeyReuse()
    try await auditEntryWrittenOncePerMutation()
    try await catalogChangesAfterRevision()
    try await closureErrorsAreRethrownUnchanged()
    try await partnersAndApiKeys()
    try await placeOrderIsAllOrNothing()
    try await concurrentOrdersNeverOversell()
    try await orderReferenceIsUniquePerPartner()
    try await updateOrderReleasesStockAndAppendsHistory()
    try await fulfilmentFeedFiltersAndOrder()
    try await changeNotificationsYieldAfterWrites()
    try await listOrdersFiltersAndPaging()
    try await fulfilmentFactsCoverRange()
  }
}
