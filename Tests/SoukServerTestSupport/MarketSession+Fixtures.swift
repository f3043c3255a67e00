import Foundation
package import SoukAPI
import SoukAPIServices
import SoukMarket
import SoukRPC

/// Accounts and products made through the admin and catalog services, as an operator and a cooperative would.
extension MarketSession {
  /// Creates an active cooperative of the Fès-Meknès region and issues it a key labelled `keyLabel`.
  ///
  /// The cooperative is named `name` in French (and `arabicName` in Arabic, if given), in `province` and `city`.
  package func makeCooperative(
    _ name: String = "Coopérative test",
    arabicName: String? = nil,
    province: String = "Fès",
    city: String = "Fès",
    keyLabel: String = "test key"
  ) async throws -> (SoukCatalogV1.Cooperative, Key) {
    var request = SoukAdminV1.CreateCooperativeRequest()
    request.idempotencyKey = UUID().uuidString
    request.name = .init()
    request.name?.fr = name
    if let arabicName { request.name?.ar = arabicName }
    request.region = .fesMeknes
    request.province = province
    request.city = city
    request.sector = .localFood
    var contact = SoukCommonV1.Contact()
    contact.personName = "Amina"
    contact.phone = .init()
    contact.phone?.e164 = "+212612345678"
    request.contact = contact
    let cooperative = try await self.adminService.createCooperative(request, metadata: self.admin.metadata)
    let key = try await self.issueKey(kind: .cooperative, id: cooperative.id, label: keyLabel)
    return (cooperative, key)
  }

  /// Creates an active partner named `name` whose contact is Karim (with `email`, if given) and issues it a key
  /// labelled `keyLabel`.
  package func makePartner(
    _ name: String = "Boutique test",
    email: String? = "karim@example.com",
    keyLabel: String = "test key"
  ) async throws -> (SoukAdminV1.Partner, Key) {
    var request = SoukAdminV1.CreatePartnerRequest()
    request.idempotencyKey = UUID().uuidString
    request.name = name
    var contact = SoukCommonV1.Contact()
    contact.personName = "Karim"
    if let email { contact.email = email }
    contact.phone = .init()
    contact.phone?.e164 = "+212612345679"
    request.contact = contact
    let partner = try await self.adminService.createPartner(request, metadata: self.admin.metadata)
    let key = try await self.issueKey(kind: .partner, id: partner.id, label: keyLabel)
    return (partner, key)
  }

  /// Issues a key labelled `label` for a principal.
  package func issueKey(
    kind: SoukCommonV1.PrincipalKind,
    id: String,
    label: String = "test key"
  ) async throws -> Key {
    var request = SoukAdminV1.IssueApiKeyRequest()
    request.principal = .init()
    request.principal?.kind = kind
    request.principal?.id = id
    request.label = label
    let response = try await self.adminService.issueApiKey(request, metadata: self.admin.metadata)
    return Key(secret: response.secret)
  }

  /// Creates an ACTIVE 500 g honey product of the key's cooperative.
  ///
  /// Its French title is `title` (by default `Miel de thym <sku>`) and its idempotency key `idempotencyKey` (by
  /// default `create-<sku>`).
  package func makeProduct(
    by cooperative: Key,
    sku: String,
    title: String? = nil,
    priceCentimes: Int64 = 4_500,
    stock: Int64,
    idempotencyKey: String? = nil
  ) async throws -> SoukCatalogV1.Product {
    var request = SoukCatalogV1.CreateProductRequest()
    request.idempotencyKey = idempotencyKey ?? "create-\(sku)"
    request.sku = sku
    request.title = .init()
    request.title?.fr = title ?? "Miel de thym \(sku)"
    request.title?.ar = "عسل الزعتر"
    request.category = .honey
    request.price = .mad(priceCentimes)
    request.unit = .init()
    request.unit?.kind = .mass
    request.unit?.amount = 500
    request.stock = stock
    request.status = .active
    return try await self.catalog.createProduct(request, metadata: cooperative.metadata)
  }

  /// Sets a product's stock, as the key's cooperative.
  package func setStock(by cooperative: Key, productID: String, to stock: Int64) async throws {
    var request = SoukCatalogV1.SetStockRequest()
    request.idempotencyKey = UUID().uuidString
    request.productId = productID
    request.stock = stock
    _ = try await self.catalog.setStock(request, metadata: cooperative.metadata)
  }
}
