import SoukAPI
import SoukAPIServices
import SoukRPC

/// Calls made with one API key: the generated clients and the `authorization` metadata.
struct Session: Sendable {
  let catalog: SoukCatalogV1.CatalogService.Client
  let admin: SoukAdminV1.AdminService.Client
  let metadata: Metadata

  /// A session presenting `secret` as its bearer token.
  init(client: RPCClient, secret: String) {
    self.catalog = SoukCatalogV1.CatalogService.Client(wrapping: client)
    self.admin = SoukAdminV1.AdminService.Client(wrapping: client)
    self.metadata = ["authorization": .string("Bearer \(secret)")]
  }

  /// Creates a product.
  func createProduct(_ request: SoukCatalogV1.CreateProductRequest) async throws -> SoukCatalogV1.Product {
    try await self.catalog.createProduct(request, metadata: self.metadata)
  }

  /// Gets a product by id.
  func getProduct(_ id: String) async throws -> SoukCatalogV1.Product {
    var request = SoukCatalogV1.GetProductRequest()
    request.lookup = .productId(id)
    return try await self.catalog.getProduct(request, metadata: self.metadata)
  }

  /// Lists products with the given statuses (empty: the default).
  func listProducts(statuses: [SoukCatalogV1.ProductStatus] = []) async throws -> [SoukCatalogV1.Product] {
    var request = SoukCatalogV1.ListProductsRequest()
    request.statuses = statuses
    return try await self.catalog.listProducts(request, metadata: self.metadata).products
  }

  /// Updates a product.
  func updateProduct(_ request: SoukCatalogV1.UpdateProductRequest) async throws -> SoukCatalogV1.Product {
    try await self.catalog.updateProduct(request, metadata: self.metadata)
  }

  /// Adjusts a product's stock by `delta`.
  func adjustStock(_ productID: String, by delta: Int64) async throws -> SoukCatalogV1.Product {
    var request = SoukCatalogV1.AdjustStockRequest()
    request.idempotencyKey = Requests.key()
    request.productId = productID
    request.delta = delta
    return try await self.catalog.adjustStock(request, metadata: self.metadata)
  }
}
