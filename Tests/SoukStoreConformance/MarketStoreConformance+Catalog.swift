import SoukAPI
import SoukStore
import Testing

extension MarketStoreConformance {
  /// Cooperatives come back as saved, and listing filters by region, sector, status and name words, oldest
  /// first, page after page.
  public func cooperativesRoundTripWithFilters() async throws {
    let store = try await makeStore()
    let taza = Fixtures.cooperative(name: "Coopérative Tazekka", createdMicros: Fixtures.baseMicros)
    let fes = Fixtures.cooperative(name: "Atlas Miel", city: "Fès", createdMicros: Fixtures.baseMicros + 1)
    var souss = Fixtures.cooperative(
      name: "Argan Tiznit",
      region: .soussMassa,
      city: "Tiznit",
      createdMicros: Fixtures.baseMicros + 2
    )
    souss.sector = .naturalCosmetics
    for cooperative in [taza, fes, souss] {
      let saved = try await store.insertCooperative(cooperative, context: Fixtures.context())
      #expect(saved.revision > 0)
      #expect(try await store.cooperative(id: cooperative.id)?.name == cooperative.name)
    }
    #expect(try await store.cooperative(id: "coop_missing") == nil)

    var query = CooperativeQuery()
    query.regions = [.fesMeknes]
    #expect(try await store.listCooperatives(query, after: nil, limit: 10).map(\.id) == [taza.id, fes.id])
    query = CooperativeQuery()
    query.sectors = [.naturalCosmetics]
    #expect(try await store.listCooperatives(query, after: nil, limit: 10).map(\.id) == [souss.id])
    query = CooperativeQuery()
    query.queryWords = SearchText.words(of: "taz")
    #expect(try await store.listCooperatives(query, after: nil, limit: 10).map(\.id) == [taza.id])
    query.queryWords = SearchText.words(of: "fes")
    #expect(try await store.listCooperatives(query, after: nil, limit: 10).map(\.id) == [fes.id])
    query = CooperativeQuery()
    query.statuses = [.suspended]
    #expect(try await store.listCooperatives(query, after: nil, limit: 10).isEmpty)

    let first = try await store.listCooperatives(CooperativeQuery(), after: nil, limit: 2)
    #expect(first.map(\.id) == [taza.id, fes.id])
    let last = try #require(first.last)
    let position = ListPosition(createdAtMicros: Fixtures.micros(last.createdAt), id: last.id)
    #expect(try await store.listCooperatives(CooperativeQuery(), after: position, limit: 2).map(\.id) == [souss.id])
  }

  /// Products come back as saved with version 1 and `orderable` computed, by id and by SKU in any ASCII case, and
  /// listing applies every filter.
  public func productsRoundTripWithFilters() async throws {
    let store = try await makeStore()
    let taza = try await store.insertCooperative(Fixtures.cooperative(), context: Fixtures.context())
    let souss = try await store.insertCooperative(
      Fixtures.cooperative(name: "Argan Tiznit", region: .soussMassa),
      context: Fixtures.context()
    )
    var oil = Fixtures.product(of: taza.id, sku: "OIL-1", title: "Huile d'olive extra", priceMinor: 5_000, stock: 3)
    oil.title = Fixtures.text(fr: "Huile d'olive extra", ar: "زيت الزيتون")
    var honey = Fixtures.product(of: taza.id, sku: "HON-1", title: "Miel de thym", priceMinor: 12_000, stock: 0)
    honey.category = .honey
    honey.tags = ["bio"]
    let draft = Fixtures.product(of: taza.id, sku: "DRF-1", title: "Brouillon", status: .draft)
    let argan = Fixtures.product(of: souss.id, sku: "ARG-1", title: "Huile d'argan", priceMinor: 20_000)
    var saved: [String: SoukCatalogV1.Product] = [:]
    for product in [oil, honey, draft, argan] {
      saved[product.id] = try await store.insertProduct(product, context: Fixtures.context())
    }
    let savedOil = try #require(saved[oil.id])
    #expect(savedOil.version == 1)
    #expect(savedOil.orderable)
    #expect(saved[draft.id]?.orderable == false)
    #expect(try await store.product(id: oil.id) == savedOil)
    #expect(try await store.product(cooperativeID: taza.id, sku: "oil-1") == savedOil)
    #expect(try await store.product(cooperativeID: souss.id, sku: "OIL-1") == nil)

    func ids(_ query: ProductQuery) async throws -> Set<String> {
      Set(try await store.listProducts(query, after: nil, limit: 50).map(\.id))
    }
    var query = ProductQuery()
    #expect(try await ids(query) == [oil.id, honey.id, draft.id, argan.id])
    query.cooperativeIDs = [souss.id]
    #expect(try await ids(query) == [argan.id])
    query = ProductQuery()
    query.regions = [.fesMeknes]
    #expect(try await ids(query) == [oil.id, honey.id, draft.id])
    query = ProductQuery()
    query.categories = [.honey]
    #expect(try await ids(query) == [honey.id])
    query = ProductQuery()
    query.statuses = [.active]
    #expect(try await ids(query) == [oil.id, honey.id, argan.id])
    query = ProductQuery()
    query.draftsOnlyOf = souss.id
    #expect(try await ids(query) == [oil.id, honey.id, argan.id])
    query.draftsOnlyOf = taza.id
    #expect(try await ids(query) == [oil.id, honey.id, draft.id, argan.id])
    query = ProductQuery()
    query.inStock = false
    #expect(try await ids(query) == [honey.id])
    query.inStock = true
    #expect(try await ids(query) == [oil.id, draft.id, argan.id])
    query = ProductQuery()
    query.minPriceMinor = 5_000
    query.maxPriceMinor = 12_000
    #expect(try await ids(query) == [oil.id, honey.id])
    query = ProductQuery()
    query.queryWords = SearchText.words(of: "huile")
    #expect(try await ids(query) == [oil.id, argan.id])
    query.queryWords = SearchText.words(of: "huile ext")
    #expect(try await ids(query) == [oil.id])
    query.queryWords = SearchText.words(of: "الزيتون")
    #expect(try await ids(query) == [oil.id])
    query.queryWords = SearchText.words(of: "bio")
    #expect(try await ids(query) == [honey.id])
    query.queryWords = SearchText.words(of: "uile")
    #expect(try await ids(query).isEmpty)
    query.queryWords = ["%"]
    #expect(try await ids(query).isEmpty)
    query = ProductQuery()
    query.productIDs = [argan.id, honey.id]
    #expect(try await ids(query) == [argan.id, honey.id])
  }

  /// Walking each product order page by page returns every product that existed throughout exactly once, in the
  /// order's sequence, while other products are inserted between pages.
  public func productPagingMissesNothingWhileInserting() async throws {
    let store = try await makeStore()
    let cooperative = try await store.insertCooperative(Fixtures.cooperative(), context: Fixtures.context())
    var original: [SoukCatalogV1.Product] = []
    for index in 0..<12 {
      let product = Fixtures.product(
        of: cooperative.id,
        sku: "P-\(index)",
        priceMinor: Int64(100 * (index % 4 + 1)),
        createdMicros: Fixtures.baseMicros + Int64(index / 3)
      )
      original.append(try await store.insertProduct(product, context: Fixtures.context()))
    }
    let orders: [ProductQuery.Order] = [
      .createdAscending, .createdDescending, .priceAscending, .priceDescending, .sku,
    ]
    var inserted = 0
    for order in orders {
      var query = ProductQuery()
      query.order = order
      var seen: [SoukCatalogV1.Product] = []
      var position: ProductPosition? = nil
      while true {
        let page = try await store.listProducts(query, after: position, limit: 5)
        guard let last = page.last else { break }
        seen += page
        position = ProductPosition(
          createdAtMicros: Fixtures.micros(last.createdAt),
          priceMinor: last.price?.amountMinor ?? 0,
          cooperativeID: last.cooperativeId,
          skuKey: last.sku.lowercased(),
          id: last.id
        )
        inserted += 1
        let extra = Fixtures.product(
          of: cooperative.id,
          sku: "X-\(inserted)",
          priceMinor: 250,
          createdMicros: Fixtures.baseMicros + 2
        )
        _ = try await store.insertProduct(extra, context: Fixtures.context())
      }
      let seenIDs = seen.map(\.id)
      #expect(Set(seenIDs).count == seenIDs.count, "no product twice in \(order)")
      #expect(Set(original.map(\.id)).isSubset(of: Set(seenIDs)), "no original product missed in \(order)")
      #expect(Self.isSorted(seen, by: order), "pages follow \(order)")
    }
  }

  /// A cooperative's SKUs are unique ignoring ASCII case, on insert and on update; another cooperative may reuse
  /// one.
  public func skuIsUniqueIgnoringASCIICase() async throws {
    let store = try await makeStore()
    let first = try await store.insertCooperative(Fixtures.cooperative(), context: Fixtures.context())
    let second = try await store.insertCooperative(Fixtures.cooperative(), context: Fixtures.context())
    let original = try await store.insertProduct(
      Fixtures.product(of: first.id, sku: "ARG-250"), context: Fixtures.context())
    await #expect(throws: StoreError.skuAlreadyExists(productID: original.id)) {
      _ = try await store.insertProduct(Fixtures.product(of: first.id, sku: "arg-250"), context: Fixtures.context())
    }
    _ = try await store.insertProduct(Fixtures.product(of: second.id, sku: "arg-250"), context: Fixtures.context())
    let other = try await store.insertProduct(
      Fixtures.product(of: first.id, sku: "ARG-500"), context: Fixtures.context())
    await #expect(throws: StoreError.skuAlreadyExists(productID: original.id)) {
      _ = try await store.updateProduct(id: other.id, context: Fixtures.context()) { $0.sku = "Arg-250" }
    }
    #expect(try await store.product(id: other.id)?.sku == "ARG-500")
    let renamed = try await store.updateProduct(id: original.id, context: Fixtures.context()) { $0.sku = "arg-250" }
    #expect(renamed.sku == "arg-250")
    #expect(renamed.version == 2)
  }

  /// An update that leaves the value equal writes nothing: same version and revision, no new catalog revision,
  /// no audit entry.
  public func unchangedUpdateWritesNothing() async throws {
    let store = try await makeStore()
    let cooperative = try await store.insertCooperative(Fixtures.cooperative(), context: Fixtures.context())
    let product = try await store.insertProduct(Fixtures.product(of: cooperative.id), context: Fixtures.context())
    let revision = try await store.currentCatalogRevision()
    let auditCount = try await store.auditLog(after: 0, limit: 100).count
    let same = try await store.updateProduct(id: product.id, context: Fixtures.context(micros: Fixtures.baseMicros + 9))
    { $0.title = product.title }
    #expect(same == product)
    let sameCooperative = try await store.updateCooperative(id: cooperative.id, context: Fixtures.context()) {
      $0.city = cooperative.city
    }
    #expect(sameCooperative == cooperative)
    #expect(try await store.currentCatalogRevision() == revision)
    #expect(try await store.auditLog(after: 0, limit: 100).count == auditCount)
    #expect(try await store.product(id: product.id) == product)
  }

  /// Each real change raises the version by one, takes a strictly greater revision, sets `updated_at`, and says
  /// whether only the stock changed.
  public func updatesRaiseVersionAndRevision() async throws {
    let store = try await makeStore()
    let cooperative = try await store.insertCooperative(Fixtures.cooperative(), context: Fixtures.context())
    let product = try await store.insertProduct(Fixtures.product(of: cooperative.id), context: Fixtures.context())
    let later = Fixtures.baseMicros + 5_000_000
    let priced = try await store.updateProduct(id: product.id, context: Fixtures.context(micros: later)) {
      $0.price = Fixtures.mad(6_000)
      $0.version = 99
    }
    #expect(priced.version == product.version + 1)
    #expect(priced.revision > product.revision)
    #expect(priced.updatedAt == Fixtures.time(later))
    #expect(priced.createdAt == product.createdAt)
    let stocked = try await store.updateProduct(id: product.id, context: Fixtures.context()) { $0.stock += 4 }
    #expect(stocked.version == priced.version + 1)
    #expect(stocked.revision > priced.revision)
    #expect(try await store.currentCatalogRevision() == stocked.revision)

    let changes = try await store.catalogChanges(after: priced.revision, cooperativeIDs: [], limit: 10)
    #expect(changes.count == 1)
    if case .product(let changed, let createdRevision, let stockOnly) = try #require(changes.first) {
      #expect(changed == stocked)
      #expect(createdRevision == product.revision)
      #expect(stockOnly)
    } else {
      Issue.record("expected a product change")
    }
    let changesAfterInsert = try await store.catalogChanges(after: product.revision, cooperativeIDs: [], limit: 10)
    #expect(changesAfterInsert.map(\.revision) == [stocked.revision])

    let renamed = try await store.updateCooperative(id: cooperative.id, context: Fixtures.context(micros: later)) {
      $0.city = "Fès"
    }
    #expect(renamed.version == cooperative.version + 1)
    #expect(renamed.revision > stocked.revision)
    #expect(renamed.updatedAt == Fixtures.time(later))
  }

  /// Suspending a cooperative makes its active products unorderable, each with a new version and revision; making
  /// it active again restores them.
  public func suspendingCooperativeFlipsOrderable() async throws {
    let store = try await makeStore()
    let cooperative = try await store.insertCooperative(Fixtures.cooperative(), context: Fixtures.context())
    let other = try await store.insertCooperative(Fixtures.cooperative(), context: Fixtures.context())
    let active = try await store.insertProduct(Fixtures.product(of: cooperative.id), context: Fixtures.context())
    let bystander = try await store.insertProduct(Fixtures.product(of: other.id), context: Fixtures.context())
    let suspended = try await store.updateCooperative(id: cooperative.id, context: Fixtures.context()) {
      $0.status = .suspended
    }
    let afterSuspension = try #require(try await store.product(id: active.id))
    #expect(!afterSuspension.orderable)
    #expect(afterSuspension.version == active.version + 1)
    #expect(afterSuspension.revision > suspended.revision)
    #expect(try await store.product(id: bystander.id) == bystander)
    let inserted = try await store.insertProduct(Fixtures.product(of: cooperative.id), context: Fixtures.context())
    #expect(!inserted.orderable)
    let changes = try await store.catalogChanges(after: active.revision, cooperativeIDs: [cooperative.id], limit: 10)
    #expect(changes.map(\.revision) == changes.map(\.revision).sorted())
    #expect(changes.count == 3)

    _ = try await store.updateCooperative(id: cooperative.id, context: Fixtures.context()) { $0.status = .active }
    #expect(try await store.product(id: active.id)?.orderable == true)
    #expect(try await store.product(id: inserted.id)?.orderable == true)
  }

  /// A retried write with the same key and request returns the first result without writing again; the same key
  /// with another request is refused; another caller or method may use the same key.
  public func idempotentReplayAndKeyReuse() async throws {
    let store = try await makeStore()
    let cooperative = try await store.insertCooperative(Fixtures.cooperative(), context: Fixtures.context())
    let coopPrincipal = Fixtures.principal(.cooperative, cooperative.id)
    let first = Fixtures.product(of: cooperative.id)
    let context = Fixtures.context(coopPrincipal, method: "m/CreateProduct", key: "k1", fingerprint: [1, 2])
    let created = try await store.insertProduct(first, context: context)
    let revision = try await store.currentCatalogRevision()
    let replayed = try await store.insertProduct(Fixtures.product(of: cooperative.id), context: context)
    #expect(replayed == created)
    #expect(try await store.currentCatalogRevision() == revision)
    #expect(try await store.listProducts(ProductQuery(), after: nil, limit: 10).count == 1)
    await #expect(throws: StoreError.idempotencyKeyReused) {
      _ = try await store.insertProduct(
        Fixtures.product(of: cooperative.id),
        context: Fixtures.context(coopPrincipal, method: "m/CreateProduct", key: "k1", fingerprint: [9])
      )
    }
    _ = try await store.insertProduct(
      Fixtures.product(of: cooperative.id),
      context: Fixtures.context(coopPrincipal, method: "m/Other", key: "k1", fingerprint: [9])
    )
    _ = try await store.insertProduct(
      Fixtures.product(of: cooperative.id),
      context: Fixtures.context(.init(), method: "m/CreateProduct", key: "k1", fingerprint: [9])
    )
    #expect(try await store.listProducts(ProductQuery(), after: nil, limit: 10).count == 3)

    let updateContext = Fixtures.context(coopPrincipal, method: "m/Update", key: "u1")
    let updated = try await store.updateProduct(id: created.id, context: updateContext) { $0.stock += 1 }
    let again = try await store.updateProduct(id: created.id, context: updateContext) { $0.stock += 1 }
    #expect(again == updated)
    #expect(try await store.product(id: created.id)?.stock == created.stock + 1)
  }

  /// Every applied mutation writes one audit entry with its caller, method, request and target; a replay and an
  /// unchanged update write none.
  public func auditEntryWrittenOncePerMutation() async throws {
    let store = try await makeStore()
    let context = Fixtures.context(key: "audit-1")
    let cooperative = try await store.insertCooperative(Fixtures.cooperative(), context: context)
    _ = try await store.insertCooperative(Fixtures.cooperative(), context: context)
    let productContext = Fixtures.context()
    let product = try await store.insertProduct(Fixtures.product(of: cooperative.id), context: productContext)
    _ = try await store.updateProduct(id: product.id, context: Fixtures.context()) { _ in }
    let entries = try await store.auditLog(after: 0, limit: 100)
    #expect(entries.map(\.target) == ["cooperative:\(cooperative.id)", "product:\(product.id)"])
    let first = try #require(entries.first)
    #expect(first.caller == context.caller)
    #expect(first.method == context.method)
    #expect(first.requestID == context.requestID)
    #expect(first.idempotencyKey == "audit-1")
    #expect(first.time == context.time)
    #expect(entries[1].requestID == productContext.requestID)
    #expect(entries[1].id > first.id)
    #expect(try await store.auditLog(after: first.id, limit: 100).map(\.id) == [entries[1].id])
    #expect(try await store.auditLog(after: 0, limit: 1).count == 1)
  }

  /// The catalog feed after a revision returns exactly the records changed later, once each at their latest
  /// revision, in revision order, filtered by cooperative, at most `limit`.
  public func catalogChangesAfterRevision() async throws {
    let store = try await makeStore()
    #expect(try await store.currentCatalogRevision() == 0)
    let first = try await store.insertCooperative(Fixtures.cooperative(), context: Fixtures.context())
    let second = try await store.insertCooperative(Fixtures.cooperative(), context: Fixtures.context())
    let a = try await store.insertProduct(Fixtures.product(of: first.id), context: Fixtures.context())
    let b = try await store.insertProduct(Fixtures.product(of: second.id), context: Fixtures.context())
    let mark = try await store.currentCatalogRevision()
    let c = try await store.insertProduct(Fixtures.product(of: first.id), context: Fixtures.context())
    _ = try await store.updateProduct(id: a.id, context: Fixtures.context()) { $0.stock = 1 }
    _ = try await store.updateProduct(id: a.id, context: Fixtures.context()) { $0.stock = 2 }
    let lastA = try await store.updateProduct(id: a.id, context: Fixtures.context()) { $0.stock = 3 }
    let changes = try await store.catalogChanges(after: mark, cooperativeIDs: [], limit: 100)
    #expect(changes.map(\.revision) == [c.revision, lastA.revision])
    #expect(changes.map(Self.recordID) == [c.id, a.id])
    #expect(
      try await store.catalogChanges(after: 0, cooperativeIDs: [second.id], limit: 100).map(Self.recordID) == [
        second.id, b.id,
      ])
    let all = try await store.catalogChanges(after: 0, cooperativeIDs: [], limit: 100)
    #expect(all.map(Self.recordID) == [first.id, second.id, b.id, c.id, a.id])
    #expect(all.map(\.revision) == all.map(\.revision).sorted())
    #expect(
      try await store.catalogChanges(after: 0, cooperativeIDs: [], limit: 2).map(Self.recordID) == [
        first.id, second.id,
      ])
    #expect(try await store.catalogChanges(after: lastA.revision, cooperativeIDs: [], limit: 100).isEmpty)
  }

  /// What a caller's closure throws comes back unchanged and nothing of the transaction stays.
  public func closureErrorsAreRethrownUnchanged() async throws {
    let store = try await makeStore()
    let cooperative = try await store.insertCooperative(Fixtures.cooperative(), context: Fixtures.context())
    let product = try await store.insertProduct(Fixtures.product(of: cooperative.id), context: Fixtures.context())
    let revision = try await store.currentCatalogRevision()
    await #expect(throws: ConformanceFailure.self) {
      _ = try await store.updateProduct(id: product.id, context: Fixtures.context(key: "fails")) { product in
        product.stock = 0
        throw ConformanceFailure("refused")
      }
    }
    #expect(try await store.product(id: product.id) == product)
    #expect(try await store.currentCatalogRevision() == revision)
    // The key was not spent by the failed attempt.
    let retried = try await store.updateProduct(id: product.id, context: Fixtures.context(key: "fails")) {
      $0.stock = 0
    }
    #expect(retried.stock == 0)
    await #expect(throws: StoreError.notFound(.product, id: "prd_missing")) {
      _ = try await store.updateProduct(id: "prd_missing", context: Fixtures.context()) { _ in }
    }
    await #expect(throws: StoreError.notFound(.cooperative, id: "coop_missing")) {
      _ = try await store.insertProduct(Fixtures.product(of: "coop_missing"), context: Fixtures.context())
    }
  }

  /// The id of a catalog record.
  static func recordID(_ record: CatalogRecord) -> String {
    switch record {
    case .product(let product, _, _): product.id
    case .cooperative(let cooperative): cooperative.id
    }
  }

  /// Whether `products` follow `order`.
  static func isSorted(_ products: [SoukCatalogV1.Product], by order: ProductQuery.Order) -> Bool {
    zip(products, products.dropFirst()).allSatisfy { a, b in
      switch order {
      case .createdAscending:
        (Fixtures.micros(a.createdAt), a.id) < (Fixtures.micros(b.createdAt), b.id)
      case .createdDescending:
        (Fixtures.micros(a.createdAt), a.id) > (Fixtures.micros(b.createdAt), b.id)
      case .priceAscending:
        (a.price?.amountMinor ?? 0, a.id) < (b.price?.amountMinor ?? 0, b.id)
      case .priceDescending:
        (a.price?.amountMinor ?? 0, a.id) > (b.price?.amountMinor ?? 0, b.id)
      case .sku:
        (a.cooperativeId, a.sku.lowercased(), a.id) < (b.cooperativeId, b.sku.lowercased(), b.id)
      }
    }
  }
}
