import SoukAPI
import SoukAPIServices
import SoukMarket
import SoukRPC
import Testing

/// Who sees which product and who may change it, through the real authenticator and role checks.
@Suite("Catalog visibility and ownership")
struct CatalogAccessTests {
  @Test("a draft exists only for its cooperative and admins")
  func draftVisibility() async throws {
    try await MarketHarness.with { market in
      let (_, owner) = try await market.makeCooperative(name: "Owner")
      let (_, other) = try await market.makeCooperative(name: "Other")
      let (_, partner) = try await market.makePartner()
      let draft = try await owner.createProduct(Requests.product(sku: "DRAFT-1", status: .draft))
      let active = try await owner.createProduct(Requests.product(sku: "ACT-1"))
      #expect(draft.status == .draft)
      #expect(draft.version == 1)

      #expect(try await owner.getProduct(draft.id).id == draft.id)
      #expect(try await market.admin.getProduct(draft.id).id == draft.id)
      await expectRefusal(.notFound) { try await partner.getProduct(draft.id) }
      await expectRefusal(.notFound) { try await other.getProduct(draft.id) }

      #expect(try await partner.listProducts(statuses: [.draft, .active]).map(\.id) == [active.id])
      #expect(try await other.listProducts(statuses: [.draft, .active]).map(\.id) == [active.id])
      #expect(Set(try await owner.listProducts(statuses: [.draft, .active]).map(\.id)) == [draft.id, active.id])
      #expect(Set(try await market.admin.listProducts(statuses: [.draft]).map(\.id)) == [draft.id])
      // The default lists ACTIVE products only.
      #expect(try await owner.listProducts().map(\.id) == [active.id])
    }
  }

  @Test("another cooperative's product: NOT_OWNER when visible, NOT_FOUND when a draft; partners never write")
  func ownershipRefusals() async throws {
    try await MarketHarness.with { market in
      let (_, owner) = try await market.makeCooperative(name: "Owner")
      let (_, other) = try await market.makeCooperative(name: "Other")
      let (_, partner) = try await market.makePartner()
      let active = try await owner.createProduct(Requests.product(sku: "ACT-1"))
      let draft = try await owner.createProduct(Requests.product(sku: "DRAFT-1", status: .draft))

      await expectRefusal(.permissionDenied, .notOwner) { try await other.adjustStock(active.id, by: 1) }
      await expectRefusal(.notFound) { try await other.adjustStock(draft.id, by: 1) }
      var rename = SoukCatalogV1.UpdateProductRequest()
      rename.idempotencyKey = Requests.key()
      rename.productId = active.id
      rename.title = Requests.text("Pris")
      await expectRefusal(.permissionDenied, .notOwner) { try await other.updateProduct(rename) }
      await expectRefusal(.permissionDenied) { try await partner.createProduct(Requests.product(sku: "P-1")) }
      // An admin writes any product.
      #expect(try await market.admin.adjustStock(active.id, by: 5).stock == 15)
      #expect(try await owner.getProduct(active.id).stock == 15)
    }
  }

  @Test("a suspended cooperative keeps reading but cannot write")
  func suspendedCooperative() async throws {
    try await MarketHarness.with { market in
      let (cooperative, owner) = try await market.makeCooperative()
      let product = try await owner.createProduct(Requests.product(sku: "S-1"))
      var suspend = SoukAdminV1.UpdateCooperativeRequest()
      suspend.idempotencyKey = Requests.key()
      suspend.cooperativeId = cooperative.id
      suspend.status = .suspended
      let suspended = try await market.admin.admin.updateCooperative(suspend, metadata: market.admin.metadata)
      #expect(suspended.version == 2)
      let after = try await owner.getProduct(product.id)
      #expect(after.orderable == false)
      await expectRefusal(.permissionDenied, .accountSuspended) { try await owner.adjustStock(product.id, by: 1) }
      await expectRefusal(.permissionDenied, .accountSuspended) {
        try await owner.createProduct(Requests.product(sku: "S-2"))
      }
    }
  }

  @Test("validation names every wrong field")
  func validation() async throws {
    try await MarketHarness.with { market in
      let (_, owner) = try await market.makeCooperative()
      var request = Requests.product(sku: "bad sku!")
      request.tags = ["bio", "BIO"]
      request.photoUrls = ["http://example.ma/a.jpg"]
      request.price = SoukCommonV1.Money.mad(0)
      request.unit = nil
      let detail = await expectRefusal(.invalidArgument, .invalidField) { try await owner.createProduct(request) }
      let fields = Set(detail?.fieldViolations.map(\.field) ?? [])
      #expect(fields == ["sku", "tags[1]", "photo_urls[0]", "unit", "price.amount_minor"])

      var archived = Requests.product(sku: "A-1", status: .archived)
      archived.idempotencyKey = ""
      let refusal = await expectRefusal(.invalidArgument) { try await owner.createProduct(archived) }
      #expect(Set(refusal?.fieldViolations.map(\.field) ?? []) == ["idempotency_key", "status"])
    }
  }
}
