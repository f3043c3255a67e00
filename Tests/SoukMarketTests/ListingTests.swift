import SoukAPI
import SoukAPIServices
import SoukMarket
import SoukRPC
import Testing

/// Product listings: paging with tokens bound to the filters, orders, and text search in Arabic and French.
@Suite("Product listings")
struct ListingTests {
  @Test("pages walk the order once; a token reused with other filters is refused")
  func paging() async throws {
    try await MarketHarness.with { market in
      let (_, owner) = try await market.makeCooperative()
      var created: [String] = []
      for (index, price) in [Int64(3_000), 1_000, 2_000].enumerated() {
        var request = Requests.product(sku: "P-\(index)")
        request.price = SoukCommonV1.Money.mad(price)
        created.append(try await owner.createProduct(request).id)
      }
      var request = SoukCatalogV1.ListProductsRequest()
      request.orderBy = .priceAsc
      var page = SoukCommonV1.PageRequest()
      page.pageSize = 2
      request.page = page
      let first = try await owner.catalog.listProducts(request, metadata: owner.metadata)
      #expect(first.products.map { $0.price?.amountMinor } == [1_000, 2_000])
      #expect(!first.nextPageToken.isEmpty)
      request.page?.pageToken = first.nextPageToken
      let second = try await owner.catalog.listProducts(request, metadata: owner.metadata)
      #expect(second.products.map(\.id) == [created[0]])

      var other = request
      other.orderBy = .priceDesc
      await expectRefusal(.invalidArgument, .pageTokenInvalid) {
        try await owner.catalog.listProducts(other, metadata: owner.metadata)
      }
    }
  }

  @Test("query words match title prefixes in Arabic and French, ignoring accents and diacritics")
  func textSearch() async throws {
    try await MarketHarness.with { market in
      let (_, owner) = try await market.makeCooperative()
      var argan = Requests.product(sku: "ARG-1")
      var title = SoukCommonV1.LocalizedText()
      title.ar = "زيت أركان"
      title.fr = "Huile d'argan épicée"
      argan.title = title
      let product = try await owner.createProduct(argan)
      _ = try await owner.createProduct(Requests.product(sku: "MIEL-1"))
      for query in ["epic", "ارك", "HUILE ARG"] {
        var request = SoukCatalogV1.ListProductsRequest()
        request.query = query
        let found = try await owner.catalog.listProducts(request, metadata: owner.metadata).products
        #expect(found.map(\.id) == [product.id], "query \(query)")
      }
    }
  }
}
