import SoukAPI
import SoukRPC
import SoukStore

extension CatalogServiceHandler {
  /// Whether `call`'s caller may see `product`: every ACTIVE or ARCHIVED product; a DRAFT only its own
  /// cooperative and admins.
  static func canSee(_ product: SoukCatalogV1.Product, call: MarketCall) -> Bool {
    if product.status != .draft || call.isAdmin { return true }
    return call.kind == .cooperative && product.cooperativeId == call.principalID
  }

  /// The product with `id` if the caller may see it; `NOT_FOUND` otherwise (never telling which).
  func visibleProduct(id: String, call: MarketCall) async throws -> SoukCatalogV1.Product {
    let product = try await mapStoreErrors { try await self.store.product(id: id) }
    guard let product, Self.canSee(product, call: call) else { throw MarketError.notFound("product", id: id) }
    return product
  }

  /// Refuses a write on `product` by a cooperative that does not own it: `NOT_FOUND` for another's draft
  /// (which it cannot see), `PERMISSION_DENIED` / `ERROR_REASON_NOT_OWNER` otherwise.
  static func checkOwnership(of product: SoukCatalogV1.Product, call: MarketCall) throws(MarketError) {
    guard call.kind == .cooperative, product.cooperativeId != call.principalID else { return }
    if product.status == .draft { throw MarketError.notFound("product", id: product.id) }
    throw MarketError.notOwner("product \(product.id) belongs to another cooperative")
  }

  /// The cooperative a write acts for, checked for the caller: a cooperative writes only as itself
  /// (`requested` empty or its own id) and not while suspended; an admin names an existing cooperative.
  /// Partners never write.
  func writingCooperative(requested: String, call: MarketCall) async throws -> SoukCatalogV1.Cooperative {
    let id: String
    switch call.kind {
    case .admin:
      guard !requested.isEmpty else { throw MarketError.invalid(field: "cooperative_id", "is required for admins") }
      id = requested
    case .cooperative:
      guard requested.isEmpty || requested == call.principalID else {
        throw MarketError.notOwner("a cooperative writes only its own products")
      }
      id = call.principalID
    default:
      throw MarketError(.permissionDenied, .unspecified, "only cooperatives and admins change the catalog")
    }
    let cooperative = try await mapStoreErrors { try await self.store.cooperative(id: id) }
    guard let cooperative else { throw MarketError.notFound("cooperative", id: id) }
    if call.kind == .cooperative && cooperative.status == .suspended {
      throw MarketError.suspended(
        "the cooperative is suspended: it may read and fulfil orders but not change the catalog")
    }
    return cooperative
  }

  /// Refuses every write of a suspended cooperative caller (admins and active cooperatives pass).
  func checkCallerMayWrite(_ call: MarketCall) async throws {
    switch call.kind {
    case .admin: return
    case .cooperative: _ = try await self.writingCooperative(requested: "", call: call)
    default: throw MarketError(.permissionDenied, .unspecified, "only cooperatives and admins change the catalog")
    }
  }
}
