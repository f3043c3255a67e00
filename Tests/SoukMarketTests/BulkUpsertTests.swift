import SoukAPI
import SoukAPIServices
import SoukMarket
import SoukRPC
import SoukStore
import SoukStoreSQLite
import Testing

/// Spreadsheet imports over the client stream: per-row results, counts, dry runs and malformed streams.
@Suite("Bulk upsert")
struct BulkUpsertTests {
  private func upload(
    _ session: Session,
    rows: [SoukCatalogV1.ProductRow],
    validateOnly: Bool = false
  ) async throws -> SoukCatalogV1.BulkUpsertProductsResponse {
    var header = SoukCatalogV1.BulkUpsertHeader()
    header.idempotencyKey = Requests.key()
    header.validateOnly = validateOnly
    let settings = header
    return try await session.catalog.bulkUpsertProducts(metadata: session.metadata) { writer in
      var first = SoukCatalogV1.BulkUpsertProductsRequest()
      first.item = .header(settings)
      try await writer.write(first)
      for row in rows {
        var message = SoukCatalogV1.BulkUpsertProductsRequest()
        message.item = .row(row)
        try await writer.write(message)
      }
    }
  }

  @Test("rows are created, updated, unchanged or failed on their own, with counts and field paths per row")
  func outcomes() async throws {
    try await MarketHarness.with { market in
      let (cooperative, owner) = try await market.makeCooperative()
      let first = try await self.upload(owner, rows: [Requests.row(sku: "B-1"), Requests.row(sku: "B-2")])
      #expect(first.createdCount == 2)
      #expect(first.results.map(\.outcome) == [.created, .created])
      #expect(first.results.map(\.version) == [1, 1])

      var euro = Requests.row(sku: "B-4")
      euro.price?.currencyCode = "EUR"
      let rows = [
        Requests.row(sku: "B-1"),
        Requests.row(sku: "B-2", price: 6_000),
        Requests.row(sku: "B-3", stock: 7),
        euro,
        Requests.row(sku: "b-3"),
      ]
      let second = try await self.upload(owner, rows: rows)
      #expect(second.results.map(\.outcome) == [.unchanged, .updated, .created, .failed, .failed])
      #expect(second.results.map(\.rowIndex) == [0, 1, 2, 3, 4])
      #expect(
        [second.createdCount, second.updatedCount, second.unchangedCount, second.failedCount] == [1, 1, 1, 2]
      )
      #expect(second.results[0].version == 1)
      #expect(second.results[1].version == 2)
      #expect(second.results[0].productId == first.results[0].productId)
      #expect(second.results[3].error?.fieldViolations.map(\.field) == ["price.currency_code"])
      #expect(second.results[4].error?.reason == .duplicateRow)
      #expect(second.results[4].error?.metadata["first_row_index"] == "2")

      var lookup = SoukCatalogV1.GetProductRequest()
      var key = SoukCatalogV1.ProductSkuKey()
      key.cooperativeId = cooperative.id
      key.sku = "b-3"
      lookup.lookup = .skuKey(key)
      let created = try await owner.catalog.getProduct(lookup, metadata: owner.metadata)
      #expect(created.stock == 7)
      #expect(created.status == .draft)
      #expect(try await owner.getProduct(second.results[1].productId).price?.amountMinor == 6_000)
    }
  }

  @Test("validate_only reports what would happen and writes nothing")
  func dryRun() async throws {
    try await MarketHarness.with { market in
      let (_, owner) = try await market.makeCooperative()
      let revisionBefore = try await market.store.currentCatalogRevision()
      let response = try await self.upload(owner, rows: [Requests.row(sku: "DRY-1")], validateOnly: true)
      #expect(response.validateOnly)
      #expect(response.createdCount == 1)
      #expect(response.results.first?.version == 0)
      #expect(try await owner.listProducts(statuses: [.draft, .active]).isEmpty)
      #expect(try await market.store.currentCatalogRevision() == revisionBefore)
    }
  }

  @Test("a stream without a header first, or with a second header, fails the call and writes nothing")
  func malformedStreams() async throws {
    try await MarketHarness.with { market in
      let (_, owner) = try await market.makeCooperative()
      await expectRefusal(.invalidArgument) {
        try await owner.catalog.bulkUpsertProducts(metadata: owner.metadata) { writer in
          var row = SoukCatalogV1.BulkUpsertProductsRequest()
          row.item = .row(Requests.row(sku: "M-1"))
          try await writer.write(row)
        }
      }
      await expectRefusal(.invalidArgument) {
        try await owner.catalog.bulkUpsertProducts(metadata: owner.metadata) { writer in
          var header = SoukCatalogV1.BulkUpsertHeader()
          header.idempotencyKey = Requests.key()
          var message = SoukCatalogV1.BulkUpsertProductsRequest()
          message.item = .header(header)
          try await writer.write(message)
          var row = SoukCatalogV1.BulkUpsertProductsRequest()
          row.item = .row(Requests.row(sku: "M-2"))
          try await writer.write(row)
          try await writer.write(message)
        }
      }
      #expect(try await owner.listProducts(statuses: [.draft, .active]).isEmpty)
    }
  }
}
