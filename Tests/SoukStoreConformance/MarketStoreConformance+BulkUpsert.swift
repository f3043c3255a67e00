import SoukAPI
import SoukStore
import Testing

extension MarketStoreConformance {
  /// A bulk upload applies each row on its own, in order: creates and updates are written with versions and
  /// revisions, a refused row (returned or thrown) and a SKU conflict are left out, and a dry run writes nothing.
  public func bulkUpsertAppliesRowsOnTheirOwn() async throws {
    let store = try await makeStore()
    let cooperative = try await store.insertCooperative(Fixtures.cooperative(), context: Fixtures.context())
    let existing = try await store.insertProduct(
      Fixtures.product(of: cooperative.id, sku: "OLD-1", stock: 1),
      context: Fixtures.context()
    )
    let taken = try await store.insertProduct(
      Fixtures.product(of: cooperative.id, sku: "TAKEN"), context: Fixtures.context())
    let created = Fixtures.product(of: cooperative.id, sku: "NEW-1")
    let clash = Fixtures.product(of: cooperative.id, sku: "taken")
    let refusal = {
      var detail = SoukCommonV1.ErrorDetail()
      detail.reason = .invalidField
      return detail
    }()
    let skus = ["NEW-1", "old-1", "TAKEN", "X", "Y", "taken"]
    let decide: @Sendable (Int, SoukCatalogV1.Product?) throws -> BulkRowDecision = { index, found in
      switch index {
      case 0: return found == nil ? .create(created) : .failed(refusal)
      case 1:
        guard var product = found else { throw BulkRowError(detail: refusal) }
        product.stock = 8
        return .update(product)
      case 2: return .unchanged
      case 3: return .failed(refusal)
      case 4: throw BulkRowError(detail: refusal)
      default: return .create(clash)
      }
    }
    let revision = try await store.currentCatalogRevision()
    let dryRun = try await store.bulkUpsertProducts(
      cooperativeID: cooperative.id,
      skus: skus,
      validateOnly: true,
      context: Fixtures.context(),
      decide
    )
    #expect(dryRun.map(\.rowIndex) == Array(0..<6))
    #expect(try await store.currentCatalogRevision() == revision)
    #expect(try await store.product(id: created.id) == nil)
    #expect(try await store.product(id: existing.id) == existing)

    let results = try await store.bulkUpsertProducts(
      cooperativeID: cooperative.id,
      skus: skus,
      validateOnly: false,
      context: Fixtures.context(),
      decide
    )
    #expect(results.map(\.rowIndex) == Array(0..<6))
    guard results.count == 6 else { return }
    if case .create(let product) = results[0].outcome {
      #expect(product.version == 1 && product.revision > revision && product.orderable)
    } else {
      Issue.record("row 0 should be created, got \(results[0].outcome)")
    }
    #expect(try await store.product(id: created.id) == results[0].product)
    if case .update(let product) = results[1].outcome {
      #expect(product.stock == 8 && product.version == existing.version + 1)
    } else {
      Issue.record("row 1 should be updated, got \(results[1].outcome)")
    }
    #expect(try await store.product(id: existing.id)?.stock == 8)
    if case .unchanged = results[2].outcome {} else { Issue.record("row 2 should be unchanged") }
    #expect(results[2].product == taken)
    for index in [3, 4] {
      if case .failed(let detail) = results[index].outcome {
        #expect(detail == refusal)
      } else {
        Issue.record("row \(index) should fail")
      }
      #expect(results[index].product == nil)
    }
    if case .failed(let detail) = results[5].outcome {
      #expect(detail.reason == .skuAlreadyExists)
      #expect(detail.metadata["product_id"] == taken.id)
    } else {
      Issue.record("row 5 should fail on its SKU, got \(results[5].outcome)")
    }
    #expect(try await store.product(id: clash.id) == nil)
    #expect(try await store.listProducts(ProductQuery(), after: nil, limit: 10).count == 3)
    #expect(try await store.auditLog(after: 0, limit: 100).count == 5)
  }
}
