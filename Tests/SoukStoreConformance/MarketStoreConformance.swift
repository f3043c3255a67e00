public import SoukStore

/// The contract of ``MarketStore`` as checks any store must pass unchanged (SQLite and PostgreSQL).
///
/// Each check takes a fresh store from `makeStore` and fails through Swift Testing's `#expect`/`#require`; a test
/// target runs them all with one test over ``Check/allCases``.
public struct MarketStoreConformance: Sendable {
  /// Makes a new, empty store for one check.
  let makeStore: @Sendable () async throws -> any MarketStore

  /// Creates the suite over stores made by `makeStore`.
  public init(makeStore: @escaping @Sendable () async throws -> any MarketStore) {
    self.makeStore = makeStore
  }

  /// The checks, by name: a test target runs each as a case of one parameterized test.
  public enum Check: String, CaseIterable, Sendable {
    case cooperativesRoundTripWithFilters
    case productsRoundTripWithFilters
    case productPagingMissesNothingWhileInserting
    case skuIsUniqueIgnoringASCIICase
    case bulkUpsertAppliesRowsOnTheirOwn
    case unchangedUpdateWritesNothing
    case updatesRaiseVersionAndRevision
    case suspendingCooperativeFlipsOrderable
    case idempotentReplayAndKeyReuse
    case auditEntryWrittenOncePerMutation
    case catalogChangesAfterRevision
    case closureErrorsAreRethrownUnchanged
    case partnersAndApiKeys
    case placeOrderIsAllOrNothing
    case concurrentOrdersNeverOversell
    case orderReferenceIsUniquePerPartner
    case updateOrderReleasesStockAndAppendsHistory
    case fulfilmentFeedFiltersAndOrder
    case changeNotificationsYieldAfterWrites
    case listOrdersFiltersAndPaging
    case fulfilmentFactsCoverRange
  }

  /// Runs one check on its own fresh store.
  public func run(_ check: Check) async throws {
    switch check {
    case .cooperativesRoundTripWithFilters: try await cooperativesRoundTripWithFilters()
    case .productsRoundTripWithFilters: try await productsRoundTripWithFilters()
    case .productPagingMissesNothingWhileInserting: try await productPagingMissesNothingWhileInserting()
    case .skuIsUniqueIgnoringASCIICase: try await skuIsUniqueIgnoringASCIICase()
    case .bulkUpsertAppliesRowsOnTheirOwn: try await bulkUpsertAppliesRowsOnTheirOwn()
    case .unchangedUpdateWritesNothing: try await unchangedUpdateWritesNothing()
    case .updatesRaiseVersionAndRevision: try await updatesRaiseVersionAndRevision()
    case .suspendingCooperativeFlipsOrderable: try await suspendingCooperativeFlipsOrderable()
    case .idempotentReplayAndKeyReuse: try await idempotentReplayAndKeyReuse()
    case .auditEntryWrittenOncePerMutation: try await auditEntryWrittenOncePerMutation()
    case .catalogChangesAfterRevision: try await catalogChangesAfterRevision()
    case .closureErrorsAreRethrownUnchanged: try await closureErrorsAreRethrownUnchanged()
    case .partnersAndApiKeys: try await partnersAndApiKeys()
    case .placeOrderIsAllOrNothing: try await placeOrderIsAllOrNothing()
    case .concurrentOrdersNeverOversell: try await concurrentOrdersNeverOversell()
    case .orderReferenceIsUniquePerPartner: try await orderReferenceIsUniquePerPartner()
    case .updateOrderReleasesStockAndAppendsHistory: try await updateOrderReleasesStockAndAppendsHistory()
    case .fulfilmentFeedFiltersAndOrder: try await fulfilmentFeedFiltersAndOrder()
    case .changeNotificationsYieldAfterWrites: try await changeNotificationsYieldAfterWrites()
    case .listOrdersFiltersAndPaging: try await listOrdersFiltersAndPaging()
    case .fulfilmentFactsCoverRange: try await fulfilmentFactsCoverRange()
    }
  }
}
