public import SoukAPI
public import SoukRPC
import SoukStore
import SoukWire
import Synchronization

extension CatalogServiceHandler {
  /// The most rows one upload may carry.
  static let maxBulkRows = 10_000

  /// Creates or updates products of one cooperative from a header and rows keyed by SKU. Nothing is applied
  /// until the client ends its stream; each row is then applied on its own, in order, in one store transaction.
  public func bulkUpsertProducts(
    request: RPCAsyncSequence<SoukCatalogV1.BulkUpsertProductsRequest>,
    context: ServerContext
  ) async throws -> SoukCatalogV1.BulkUpsertProductsResponse {
    let call = try MarketCall(context)
    let upload = try await BulkUpload.read(request)
    var validator = RequestValidator()
    validator.idempotencyKey(upload.header.idempotencyKey, field: "header.idempotency_key")
    try validator.check()
    let cooperative = try await self.writingCooperative(requested: upload.header.cooperativeId, call: call)

    let plans = Self.plan(rows: upload.rows)
    let write = WriteContext(
      caller: call.caller,
      method: call.method,
      idempotency: IdempotencyClaim(key: upload.header.idempotencyKey, fingerprint: upload.fingerprint),
      requestID: call.requestID,
      time: call.time
    )
    let matched = Mutex<[Int: String]>([:])
    let records = try await mapStoreErrors {
      try await self.store.bulkUpsertProducts(
        cooperativeID: cooperative.id,
        skus: plans.map(\.sku),
        validateOnly: upload.header.validateOnly,
        context: write
      ) { index, existing in
        if let existing { matched.withLock { $0[index] = existing.id } }
        return Self.decide(plans[index], existing: existing, cooperativeID: cooperative.id, time: call.time)
      }
    }
    return Self.response(records, matched: matched.withLock { $0 }, validateOnly: upload.header.validateOnly)
  }

  /// One row checked on its own: its SKU and either its change or why it fails whatever the store holds.
  struct RowPlan: Sendable {
    var sku: String
    var change: Result<ProductChange, MarketError>
  }

  /// Validates every row and refuses a row whose SKU (ignoring ASCII case) an earlier row already named.
  static func plan(rows: [SoukCatalogV1.ProductRow]) -> [RowPlan] {
    var firstRow: [String: Int] = [:]
    return rows.enumerated().map { index, row in
      var validator = RequestValidator()
      var change = ProductChange(row: row, validator: &validator)
      let sku = change.sku ?? ""
      // The SKU is the row's key: matching ignores ASCII case, and an existing product keeps its SKU as written.
      change.sku = nil
      if !sku.isEmpty, let first = firstRow[sku.lowercased()] {
        let duplicate = MarketError(
          .invalidArgument,
          .duplicateRow,
          "row \(first) already names SKU \(sku)",
          metadata: ["first_row_index": String(first)]
        )
        return RowPlan(sku: sku, change: .failure(duplicate))
      }
      if !sku.isEmpty { firstRow[sku.lowercased()] = index }
      do throws(MarketError) {
        try validator.check()
        return RowPlan(sku: sku, change: .success(change))
      } catch {
        return RowPlan(sku: sku, change: .failure(error))
      }
    }
  }

  /// What a planned row does to `existing` (nil when the cooperative has no product with its SKU).
  static func decide(
    _ plan: RowPlan,
    existing: SoukCatalogV1.Product?,
    cooperativeID: String,
    time: SoukCommonV1.Timestamp
  ) -> BulkRowDecision {
    do throws(MarketError) {
      let change = try plan.change.get()
      guard let existing else {
        try change.missingForCreation().check()
        var product = SoukCatalogV1.Product()
        product.id = Identifiers.make(.product)
        product.cooperativeId = cooperativeID
        product.sku = plan.sku
        product.status = .draft
        product.createdAt = time
        product.updatedAt = time
        try change.apply(to: &product)
        return .create(product)
      }
      var product = existing
      try change.apply(to: &product)
      if product == existing { return .unchanged }
      product.updatedAt = time
      return .update(product)
    } catch {
      return .failed(error.detail)
    }
  }

  /// The response for the store's results: one result per row and the counts.
  static func response(
    _ records: [BulkRowResultRecord],
    matched: [Int: String],
    validateOnly: Bool
  ) -> SoukCatalogV1.BulkUpsertProductsResponse {
    var response = SoukCatalogV1.BulkUpsertProductsResponse()
    response.validateOnly = validateOnly
    for record in records.sorted(by: { $0.rowIndex < $1.rowIndex }) {
      var result = SoukCatalogV1.BulkRowResult()
      result.rowIndex = UInt32(record.rowIndex)
      result.productId = record.product?.id ?? matched[record.rowIndex] ?? ""
      switch record.outcome {
      case .create:
        result.outcome = .created
        response.createdCount += 1
        result.version = validateOnly ? 0 : record.product?.version ?? 0
      case .update:
        result.outcome = .updated
        response.updatedCount += 1
        result.version = record.product?.version ?? 0
      case .unchanged:
        result.outcome = .unchanged
        response.unchangedCount += 1
        result.version = record.product?.version ?? 0
      case .failed(let detail):
        result.outcome = .failed
        response.failedCount += 1
        result.error = detail
      }
      response.results.append(result)
    }
    return response
  }
}
