public import SoukAPI
public import SoukRPC
import SoukStore

extension CatalogServiceHandler {
  /// Sets the stock to an absolute count, only if the product's version still equals `expected_version` when
  /// it is given.
  public func setStock(
    request: SoukCatalogV1.SetStockRequest,
    context: ServerContext
  ) async throws -> SoukCatalogV1.Product {
    let call = try MarketCall(context)
    var validator = RequestValidator()
    validator.idempotencyKey(request.idempotencyKey)
    if request.productId.isEmpty { validator.fail("product_id", "is required") }
    validator.stock(request.stock)
    try validator.check()
    try await self.checkCallerMayWrite(call)
    let write = call.write(idempotent: request)
    return try await mapStoreErrors {
      try await self.store.updateProduct(id: request.productId, context: write) { product in
        try Self.checkOwnership(of: product, call: call)
        if let expected = request.expectedVersion, expected != product.version {
          throw MarketError.versionMismatch(expected: expected, current: product.version)
        }
        product.stock = request.stock
      }
    }
  }

  /// Adds a signed delta to the stock inside the store's transaction, so that concurrent orders cannot make
  /// it go below zero; `FAILED_PRECONDITION` / `ERROR_REASON_STOCK_WOULD_GO_NEGATIVE` (with `current_stock`)
  /// when it would.
  public func adjustStock(
    request: SoukCatalogV1.AdjustStockRequest,
    context: ServerContext
  ) async throws -> SoukCatalogV1.Product {
    let call = try MarketCall(context)
    let maxQuantity = RequestValidator.CatalogLimits.maxQuantity
    var validator = RequestValidator()
    validator.idempotencyKey(request.idempotencyKey)
    if request.productId.isEmpty { validator.fail("product_id", "is required") }
    if request.delta == 0 || request.delta < -maxQuantity || request.delta > maxQuantity {
      validator.fail("delta", "must not be zero, and between -1000000000 and 1000000000")
    }
    validator.text(request.note, field: "note", maxLength: 200)
    try validator.check()
    try await self.checkCallerMayWrite(call)
    let write = call.write(idempotent: request)
    return try await mapStoreErrors {
      try await self.store.updateProduct(id: request.productId, context: write) { product in
        try Self.checkOwnership(of: product, call: call)
        let stock = product.stock + request.delta
        if stock < 0 {
          throw MarketError(
            .failedPrecondition,
            .stockWouldGoNegative,
            "the stock is \(product.stock): removing \(-request.delta) would take it below zero",
            metadata: ["current_stock": String(product.stock)]
          )
        }
        if stock > maxQuantity {
          throw MarketError.invalid(field: "delta", "would take the stock above 1000000000")
        }
        product.stock = stock
      }
    }
  }
}
