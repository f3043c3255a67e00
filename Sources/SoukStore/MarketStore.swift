public import SoukAPI

/// Where the marketplace keeps its data: the only place that knows tables and SQL.
///
/// The services (`SoukMarket`) validate requests and decide; a store persists, atomically. Each write method is one
/// transaction: the change, its idempotency record, its audit entry, the catalog revision or fulfilment-feed
/// entries it causes all commit together or not at all, and a write returns only once its commit is durable.
/// Decisions that must see the current data (a version check, a state machine step, a stock check) are passed in
/// as pure closures that the store runs inside its transaction, on the rows it has locked; whatever such a
/// closure throws rolls the transaction back and is rethrown unchanged.
///
/// Every write takes a ``WriteContext``. When it carries an ``IdempotencyClaim`` whose key this principal already
/// used for this method: with the same fingerprint the write is not repeated and the method returns the current
/// state of the resource the first write produced; with another fingerprint it throws
/// ``StoreError/idempotencyKeyReused``.
///
/// The conformance suite (`Tests/SoukStoreConformance`) states this contract as tests; every store passes it.
public protocol MarketStore: Sendable {
  // MARK: API keys

  /// Saves a new key (its secret only as a hash).
  func insertApiKey(_ key: StoredApiKey, context: WriteContext) async throws
  /// The key with this public prefix, revoked or not; nil if there is none.
  func apiKey(prefix: String) async throws -> StoredApiKey?
  /// Notes that the key authenticated a call at `time`; writes only when the stored time is a minute older or
  /// unset, so that authentication does not turn every read into a write.
  func recordApiKeyUse(id: String, at time: SoukCommonV1.Timestamp) async throws
  /// Revokes the key (a revoked key stays revoked, with its first revocation time) and returns it.
  /// Throws ``StoreError/notFound(_:id:)`` for an unknown id.
  func revokeApiKey(id: String, context: WriteContext) async throws -> SoukAdminV1.ApiKey
  /// Keys matching `query`, newest first (created_at descending, then id descending), after `position`.
  func listApiKeys(_ query: ApiKeyQuery, after position: ListPosition?, limit: Int) async throws
    -> [SoukAdminV1.ApiKey]
  /// Whether any key of this kind that is not revoked exists (the server issues the first admin key when none does).
  func hasActiveApiKey(kind: SoukCommonV1.PrincipalKind) async throws -> Bool

  // MARK: Cooperatives and partners

  /// Saves a new cooperative as given (id, version 1, times set by the caller) and returns it with its catalog
  /// revision.
  func insertCooperative(_ cooperative: SoukCatalogV1.Cooperative, context: WriteContext) async throws
    -> SoukCatalogV1.Cooperative
  /// Applies `change` to the cooperative inside one transaction. If the value changed, the store raises its
  /// version by one, gives it the next catalog revision and `context.time` as `updated_at`; if its status
  /// changed, every product of the cooperative gets its `orderable` recomputed, a new version and revision too.
  /// A `change` that leaves the value equal writes nothing. Throws ``StoreError/notFound(_:id:)``.
  func updateCooperative(
    id: String,
    context: WriteContext,
    _ change: @Sendable (inout SoukCatalogV1.Cooperative) throws -> Void
  ) async throws -> SoukCatalogV1.Cooperative
  /// The cooperative with this id, or nil.
  func cooperative(id: String) async throws -> SoukCatalogV1.Cooperative?
  /// Cooperatives matching `query`, by created_at then id, after `position`.
  func listCooperatives(_ query: CooperativeQuery, after position: ListPosition?, limit: Int) async throws
    -> [SoukCatalogV1.Cooperative]

  /// Saves a new partner as given and returns it.
  func insertPartner(_ partner: SoukAdminV1.Partner, context: WriteContext) async throws -> SoukAdminV1.Partner
  /// Applies `change` as ``updateCooperative(id:context:_:)`` does (version, `updated_at`; no revision).
  func updatePartner(
    id: String,
    context: WriteContext,
    _ change: @Sendable (inout SoukAdminV1.Partner) throws -> Void
  ) async throws -> SoukAdminV1.Partner
  /// The partner with this id, or nil.
  func partner(id: String) async throws -> SoukAdminV1.Partner?
  /// Partners matching `query`, by created_at then id, after `position`.
  func listPartners(_ query: PartnerQuery, after position: ListPosition?, limit: Int) async throws
    -> [SoukAdminV1.Partner]

  // MARK: Products

  /// Saves a new product as given (id, times and fields set by the caller); the store sets version 1, the next
  /// catalog revision and `orderable` from its status and its cooperative's. Throws
  /// ``StoreError/skuAlreadyExists(productID:)`` when the cooperative has the SKU (ASCII case ignored), and
  /// ``StoreError/notFound(_:id:)`` when the cooperative does not exist.
  func insertProduct(_ product: SoukCatalogV1.Product, context: WriteContext) async throws -> SoukCatalogV1.Product
  /// Applies `change` to the product inside one transaction, with the semantics of
  /// ``updateCooperative(id:context:_:)``: unchanged writes nothing; changed raises the version, takes the next
  /// revision, sets `updated_at` and recomputes `orderable`. A change of the SKU to one the cooperative already
  /// has throws ``StoreError/skuAlreadyExists(productID:)``. `change` must not change id or cooperative.
  func updateProduct(
    id: String,
    context: WriteContext,
    _ change: @Sendable (inout SoukCatalogV1.Product) throws -> Void
  ) async throws -> SoukCatalogV1.Product
  /// The product with this id, or nil.
  func product(id: String) async throws -> SoukCatalogV1.Product?
  /// The product of this cooperative with this SKU (ASCII case ignored), or nil.
  func product(cooperativeID: String, sku: String) async throws -> SoukCatalogV1.Product?
  /// Products matching `query`, in its order, after `position`.
  func listProducts(_ query: ProductQuery, after position: ProductPosition?, limit: Int) async throws
    -> [SoukCatalogV1.Product]
  /// Applies the rows of one bulk upload of one cooperative in one transaction, in order, each on its own:
  /// for row `i` the store finds the cooperative's product with `skus[i]` (or nil) and asks `decide`; a
  /// `.failed` row or a thrown ``BulkRowError`` leaves that row out and goes on. Returns one result per row.
  /// With `validateOnly` nothing is written (every decision is still made, against the data as it was).
  func bulkUpsertProducts(
    cooperativeID: String,
    skus: [String],
    validateOnly: Bool,
    context: WriteContext,
    _ decide: @Sendable (_ rowIndex: Int, _ existing: SoukCatalogV1.Product?) throws -> BulkRowDecision
  ) async throws -> [BulkRowResultRecord]

  // MARK: Catalog feed

  /// The catalog's newest revision (0 when nothing was ever written).
  func currentCatalogRevision() async throws -> UInt64
  /// Products and cooperatives whose latest change has a revision above `revision`, by revision, at most
  /// `limit`; only those of `cooperativeIDs` (a product by its cooperative) unless it is empty.
  func catalogChanges(after revision: UInt64, cooperativeIDs: [String], limit: Int) async throws -> [CatalogRecord]

  // MARK: Orders

  /// Places an order in one transaction. The store checks `partnerID`'s `reference` is unused (else
  /// ``StoreError/orderReferenceAlreadyUsed(orderID:)``), locks the products of `productIDs` in a stable order,
  /// passes them and their cooperatives to `build` (which checks and returns the order, its events and the
  /// stock to reserve), takes each reservation off its product's stock (never below zero: if one cannot be taken
  /// the transaction rolls back with ``StoreError/insufficientStock(productID:available:)``), and saves the order,
  /// its history and its fulfilment-feed entries. Each reserved product gets a new version and revision.
  func placeOrder(
    partnerID: String,
    reference: String,
    productIDs: [String],
    context: WriteContext,
    _ build: @Sendable (OrderPlacementInput) throws -> OrderPlacement
  ) async throws -> SoukOrdersV1.Order
  /// Applies `change` to the order in one transaction: saves the changed order, puts back the stock it releases
  /// (new version and revision for each product), appends its events to the history (numbered by the store) and
  /// the matching fulfilment-feed entries. Throws ``StoreError/notFound(_:id:)``.
  func updateOrder(
    id: String,
    context: WriteContext,
    _ change: @Sendable (inout SoukOrdersV1.Order) throws -> OrderChange
  ) async throws -> SoukOrdersV1.Order
  /// The order with this id (all lines, fulfilments and payments), or nil.
  func order(id: String) async throws -> SoukOrdersV1.Order?
  /// The order of this fulfilment, or nil.
  func order(fulfilmentID: String) async throws -> SoukOrdersV1.Order?
  /// The partner's order with this reference, or nil.
  func order(partnerID: String, reference: String) async throws -> SoukOrdersV1.Order?
  /// The order's whole history, by event number.
  func orderHistory(orderID: String) async throws -> [SoukOrdersV1.OrderEvent]
  /// Orders matching `query`, in its order, after `position`.
  func listOrders(_ query: OrderQuery, after position: ListPosition?, limit: Int) async throws
    -> [SoukOrdersV1.Order]
  /// One fact per fulfilment of the orders placed in `[from, before)` (and per order-level payment), for totals.
  func fulfilmentFacts(_ query: FulfilmentFactQuery) async throws -> [FulfilmentFact]

  // MARK: Fulfilment feed

  /// The newest fulfilment-feed sequence (0 when empty).
  func currentFeedSequence() async throws -> UInt64
  /// Fulfilment-feed entries after `sequence`, in order, at most `limit`, only those of `cooperativeID` and of
  /// `partnerID` when given.
  func fulfilmentFeed(after sequence: UInt64, cooperativeID: String?, partnerID: String?, limit: Int) async throws
    -> [FeedRecord]

  // MARK: Audit

  /// Audit entries, oldest first, after `id` (0 for the first), at most `limit`.
  func auditLog(after id: Int64, limit: Int) async throws -> [AuditEntry]

  // MARK: Start-up

  /// Runs `body` while no other server starting on the same data runs its own: the first admin key and the demo
  /// data are made once even when several instances start together on one shared store.
  func withStartupLock<T: Sendable>(_ body: @Sendable () async throws -> T) async throws -> T

  // MARK: Change notification

  /// A stream that yields after every commit that changed the catalog or the fulfilment feed (coalesced: a
  /// slow reader sees one element for many commits). Subscribe before reading, then read again on each element.
  func changeNotifications() -> AsyncStream<Void>
}
