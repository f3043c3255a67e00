import SoukAPI
import SoukAPIServices
import SoukClient

/// Finds one of the caller's products by SKU.
enum ProductLookup {
  /// The caller's product with `sku` (ASCII case ignored); the server answers NOT_FOUND when there is none.
  static func product(_ client: SoukClient, sku: String) async throws -> SoukCatalogV1.Product {
    var key = SoukCatalogV1.ProductSkuKey()
    key.sku = sku
    var request = SoukCatalogV1.GetProductRequest()
    request.lookup = .skuKey(key)
    return try await client.call(SoukCatalogV1.CatalogService.Method.GetProduct.self, request)
  }
}
