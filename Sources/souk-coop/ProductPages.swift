import SoukAPI
import SoukAPIServices
import SoukClient

/// Every product of one cooperative, in every status, page after page in SKU order.
enum ProductPages {
  /// The largest page the server serves.
  static let pageSize: UInt32 = 500

  /// Calls `body` with each page of the cooperative's products until the last page.
  static func forEach(
    _ client: SoukClient,
    cooperativeID: String,
    _ body: ([SoukCatalogV1.Product]) throws -> Void
  ) async throws {
    var request = SoukCatalogV1.ListProductsRequest()
    request.cooperativeIds = [cooperativeID]
    request.statuses = [.draft, .active, .archived]
    request.orderBy = .sku
    request.page = .init()
    request.page?.pageSize = Self.pageSize
    while true {
      let response = try await client.call(SoukCatalogV1.CatalogService.Method.ListProducts.self, request)
      try body(response.products)
      guard !response.nextPageToken.isEmpty else { return }
      request.page?.pageToken = response.nextPageToken
    }
  }
}
