import SoukAPI
import SoukMarket
import SoukRPC
import Testing

/// Updates with expected versions, and stock that never goes below zero.
@Suite("Catalog writes")
struct CatalogWriteTests {
  @Test("a stale expected_version is refused and changes nothing; a current one applies")
  func versionMismatch() async throws {
    try await MarketHarness.with { market in
      let (_, owner) = try await market.makeCooperative()
      let product = try await owner.createProduct(Requests.product(sku: "V-1"))
      var update = SoukCatalogV1.UpdateProductRequest()
      update.idempotencyKey = Requests.key()
      update.productId = product.id
      update.expectedVersion = product.version
      update.price = SoukCommonV1.Money.mad(9_900)
      let updated = try await owner.updateProduct(update)
      #expect(updated.version == product.version + 1)
      #expect(updated.price?.amountMinor == 9_900)

      var stale = update
      stale.idempotencyKey = Requests.key()
      stale.price = SoukCommonV1.Money.mad(1_000)
      let detail = await expectRefusal(.aborted, .versionMismatch) { try await owner.updateProduct(stale) }
      #expect(detail?.metadata["current_version"] == String(updated.version))
      #expect(try await owner.getProduct(product.id).price?.amountMinor == 9_900)

      // A change to nothing returns the product unchanged.
      var same = SoukCatalogV1.UpdateProductRequest()
      same.idempotencyKey = Requests.key()
      same.productId = product.id
      same.price = SoukCommonV1.Money.mad(9_900)
      #expect(try await owner.updateProduct(same).version == updated.version)
    }
  }

  @Test("activating a product without a price is refused")
  func activeRequirements() async throws {
    try await MarketHarness.with { market in
      let (_, owner) = try await market.makeCooperative()
      var request = Requests.product(sku: "D-1", status: .draft)
      request.price = SoukCommonV1.Money.mad(0)
      let draft = try await owner.createProduct(request)
      var activate = SoukCatalogV1.UpdateProductRequest()
      activate.idempotencyKey = Requests.key()
      activate.productId = draft.id
      activate.status = .active
      let detail = await expectRefusal(.invalidArgument, .invalidField) { try await owner.updateProduct(activate) }
      #expect(detail?.fieldViolations.map(\.field) == ["price.amount_minor"])
    }
  }

  @Test("adjusting below zero fails with the current stock; concurrent removals never oversell")
  func stockNeverNegative() async throws {
    try await MarketHarness.with { market in
      let (_, owner) = try await market.makeCooperative()
      let product = try await owner.createProduct(Requests.product(sku: "ST-1", stock: 3))
      let detail = await expectRefusal(.failedPrecondition, .stockWouldGoNegative) {
        try await owner.adjustStock(product.id, by: -4)
      }
      #expect(detail?.metadata["current_stock"] == "3")

      let successes = try await withThrowingTaskGroup(of: Bool.self) { group in
        for _ in 0..<10 {
          group.addTask {
            do {
              _ = try await owner.adjustStock(product.id, by: -1)
              return true
            } catch let error as RPCError where error.code == .failedPrecondition {
              return false
            }
          }
        }
        return try await group.reduce(0) { $0 + ($1 ? 1 : 0) }
      }
      #expect(successes == 3)
      #expect(try await owner.getProduct(product.id).stock == 0)
    }
  }

  @Test("a retried create with the same key returns the same product; another request under it is refused")
  func idempotentCreate() async throws {
    try await MarketHarness.with { market in
      let (_, owner) = try await market.makeCooperative()
      let request = Requests.product(sku: "I-1")
      let first = try await owner.createProduct(request)
      let second = try await owner.createProduct(request)
      #expect(first.id == second.id)
      var changed = request
      changed.sku = "I-2"
      await expectRefusal(.invalidArgument, .idempotencyKeyReused) { try await owner.createProduct(changed) }
      var duplicate = Requests.product(sku: "i-1")
      duplicate.idempotencyKey = Requests.key()
      await expectRefusal(.alreadyExists, .skuAlreadyExists) { try await owner.createProduct(duplicate) }
    }
  }
}
