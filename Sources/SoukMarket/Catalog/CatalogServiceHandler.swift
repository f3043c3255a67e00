public import SoukAPI
public import SoukAPIServices
public import SoukRPC
public import SoukStore

/// The catalog service: cooperatives and products, stock, bulk import and the change feed, over a
/// ``MarketStore``.
///
/// Every method validates its request (collecting every wrong field), then checks visibility and ownership,
/// then makes one store call; the concerns live in extensions (`+Products`, `+Stock`, `+Bulk`, `+Watch`,
/// `+Access`).
public struct CatalogServiceHandler: SoukCatalogV1.CatalogService.ServiceProtocol {
  /// Where the catalog is kept.
  let store: any MarketStore

  /// Creates the service over `store`.
  public init(store: any MarketStore) {
    self.store = store
  }

  /// Gets one cooperative; every caller sees every cooperative.
  public func getCooperative(
    request: SoukCatalogV1.GetCooperativeRequest,
    context: ServerContext
  ) async throws -> SoukCatalogV1.Cooperative {
    _ = try MarketCall(context)
    guard !request.cooperativeId.isEmpty else {
      throw MarketError.invalid(field: "cooperative_id", "is required")
    }
    let cooperative = try await mapStoreErrors { try await self.store.cooperative(id: request.cooperativeId) }
    guard let cooperative else { throw MarketError.notFound("cooperative", id: request.cooperativeId) }
    return cooperative
  }

  /// Lists cooperatives of every status matching the filters, by creation time then id.
  public func listCooperatives(
    request: SoukCatalogV1.ListCooperativesRequest,
    context: ServerContext
  ) async throws -> SoukCatalogV1.ListCooperativesResponse {
    let call = try MarketCall(context)
    return try await Self.listCooperatives(request: request, call: call, store: self.store)
  }

  /// The listing both the catalog and the admin service answer `ListCooperatives` with.
  static func listCooperatives(
    request: SoukCatalogV1.ListCooperativesRequest,
    call: MarketCall,
    store: any MarketStore
  ) async throws -> SoukCatalogV1.ListCooperativesResponse {
    var validator = RequestValidator()
    let text = validator.text(
      request.query,
      field: "query",
      maxLength: RequestValidator.CatalogLimits.queryLength
    )
    try validator.check()
    let binding = PageToken<ListPosition>.binding(for: request, call: call) { $0.page = nil }
    let position = try PageToken<ListPosition>.decode(request.page.token, binding: binding)
    var query = CooperativeQuery()
    query.regions = request.regions
    query.sectors = request.sectors
    query.statuses = request.statuses
    query.queryWords = SearchText.words(of: text)
    let limit = request.page.size()
    let cooperatives = try await mapStoreErrors {
      try await store.listCooperatives(query, after: position, limit: limit)
    }
    var response = SoukCatalogV1.ListCooperativesResponse()
    response.cooperatives = cooperatives
    if cooperatives.count == limit, let last = cooperatives.last {
      let next = ListPosition(createdAtMicros: last.createdAt?.micros ?? 0, id: last.id)
      response.nextPageToken = PageToken.encode(next, binding: binding)
    }
    return response
  }
}
