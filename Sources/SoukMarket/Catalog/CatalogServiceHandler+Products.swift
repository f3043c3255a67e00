public import SoukAPI
public import SoukRPC
import SoukStore

extension CatalogServiceHandler {
  /// Gets one product by id or by cooperative and SKU; `NOT_FOUND` when it does not exist or the caller may
  /// not see it (another cooperative's draft).
  public func getProduct(
    request: SoukCatalogV1.GetProductRequest,
    context: ServerContext
  ) async throws -> SoukCatalogV1.Product {
    let call = try MarketCall(context)
    switch request.lookup {
    case .productId(let id):
      guard !id.isEmpty else { throw MarketError.invalid(field: "product_id", "is required") }
      return try await self.visibleProduct(id: id, call: call)
    case .skuKey(let key):
      var validator = RequestValidator()
      let cooperativeID = key.cooperativeId.isEmpty && call.kind == .cooperative ? call.principalID : key.cooperativeId
      if cooperativeID.isEmpty { validator.fail("sku_key.cooperative_id", "is required") }
      let sku = validator.sku(key.sku, field: "sku_key.sku")
      try validator.check()
      let product = try await mapStoreErrors { try await self.store.product(cooperativeID: cooperativeID, sku: sku) }
      guard let product, Self.canSee(product, call: call) else {
        throw MarketError.notFound("product", id: "\(cooperativeID)/\(sku)")
      }
      return product
    case nil:
      throw MarketError.invalid(field: "lookup", "one of product_id and sku_key is required")
    }
  }

  /// Lists the products the caller may see that match the filters, one page at a time in the requested order.
  public func listProducts(
    request: SoukCatalogV1.ListProductsRequest,
    context: ServerContext
  ) async throws -> SoukCatalogV1.ListProductsResponse {
    let call = try MarketCall(context)
    var validator = RequestValidator()
    let text = validator.text(request.query, field: "query", maxLength: RequestValidator.CatalogLimits.queryLength)
    if request.productIds.count > RequestValidator.CatalogLimits.productIDCount {
      validator.fail("product_ids", "must name at most \(RequestValidator.CatalogLimits.productIDCount) products")
    }
    for (index, status) in request.statuses.enumerated() {
      validator.productStatus(status, field: "statuses[\(index)]")
    }
    validator.money(request.minPrice, field: "min_price")
    validator.money(request.maxPrice, field: "max_price")
    try validator.check()

    let binding = PageToken<ProductPosition>.binding(for: request, call: call) { $0.page = nil }
    let position = try PageToken<ProductPosition>.decode(request.page.token, binding: binding)
    var response = SoukCatalogV1.ListProductsResponse()
    guard let query = Self.productQuery(for: request, call: call, words: SearchText.words(of: text)) else {
      return response
    }
    let limit = request.page.size()
    let products = try await mapStoreErrors { try await self.store.listProducts(query, after: position, limit: limit) }
    response.products = products
    if products.count == limit, let last = products.last {
      let next = ProductPosition(
        createdAtMicros: last.createdAt?.micros ?? 0,
        priceMinor: last.price?.amountMinor ?? 0,
        cooperativeID: last.cooperativeId,
        skuKey: last.sku.lowercased(),
        id: last.id
      )
      response.nextPageToken = PageToken.encode(next, binding: binding)
    }
    return response
  }

  /// The store query of a listing for this caller; nil when the caller can see nothing it asks for (a partner
  /// asking for drafts only).
  static func productQuery(
    for request: SoukCatalogV1.ListProductsRequest,
    call: MarketCall,
    words: [String]
  ) -> ProductQuery? {
    var query = ProductQuery()
    query.cooperativeIDs = request.cooperativeIds
    query.regions = request.regions
    query.categories = request.categories
    query.inStock = request.inStock
    query.minPriceMinor = request.minPrice?.amountMinor
    query.maxPriceMinor = request.maxPrice?.amountMinor
    query.queryWords = words
    query.productIDs = request.productIds
    query.order = Self.order(request.orderBy)
    var statuses = request.statuses.isEmpty ? [.active] : request.statuses
    switch call.kind {
    case .admin: break
    case .cooperative: query.draftsOnlyOf = call.principalID
    default: statuses.removeAll { $0 == .draft }
    }
    if statuses.isEmpty { return nil }
    query.statuses = statuses
    return query
  }

  private static func order(_ orderBy: SoukCatalogV1.ProductOrderBy) -> ProductQuery.Order {
    switch orderBy {
    case .createdDesc: .createdDescending
    case .priceAsc: .priceAscending
    case .priceDesc: .priceDescending
    case .sku: .sku
    default: .createdAscending
    }
  }

  /// Creates a product (version 1) for the caller's cooperative, or for the one an admin names.
  public func createProduct(
    request: SoukCatalogV1.CreateProductRequest,
    context: ServerContext
  ) async throws -> SoukCatalogV1.Product {
    let call = try MarketCall(context)
    var validator = RequestValidator()
    validator.idempotencyKey(request.idempotencyKey)
    var product = SoukCatalogV1.Product()
    product.sku = validator.sku(request.sku)
    product.title = validator.localized(
      request.title,
      field: "title",
      required: true,
      maxLength: RequestValidator.CatalogLimits.titleLength
    )
    if let description = request.description {
      product.description = validator.localized(
        description,
        field: "description",
        maxLength: RequestValidator.CatalogLimits.descriptionLength
      )
    }
    validator.category(request.category)
    product.category = request.category
    product.tags = validator.tags(request.tags)
    product.price = validator.money(request.price, field: "price", required: true)
    product.unit = validator.unit(request.unit, required: true)
    validator.stock(request.stock)
    product.stock = request.stock
    product.photoUrls = validator.photoURLs(request.photoUrls)
    switch request.status {
    case .unspecified, .draft: product.status = .draft
    case .active: product.status = .active
    default: validator.fail("status", "must be PRODUCT_STATUS_DRAFT or PRODUCT_STATUS_ACTIVE for a new product")
    }
    validator.activeRequirements(of: product)
    try validator.check()

    let cooperative = try await self.writingCooperative(requested: request.cooperativeId, call: call)
    product.id = Identifiers.make(.product)
    product.cooperativeId = cooperative.id
    product.createdAt = call.time
    product.updatedAt = call.time
    let write = call.write(idempotent: request)
    let created = product
    return try await mapStoreErrors { try await self.store.insertProduct(created, context: write) }
  }

  /// Changes the fields set in the request, checking ownership, the expected version and the requirements of
  /// the resulting status inside the store's transaction.
  public func updateProduct(
    request: SoukCatalogV1.UpdateProductRequest,
    context: ServerContext
  ) async throws -> SoukCatalogV1.Product {
    let call = try MarketCall(context)
    let change = try ProductChange(validating: request)
    try await self.checkCallerMayWrite(call)
    let write = call.write(idempotent: request)
    return try await mapStoreErrors {
      try await self.store.updateProduct(id: request.productId, context: write) { product in
        try Self.checkOwnership(of: product, call: call)
        if let expected = request.expectedVersion, expected != product.version {
          throw MarketError.versionMismatch(expected: expected, current: product.version)
        }
        try change.apply(to: &product)
      }
    }
  }
}
