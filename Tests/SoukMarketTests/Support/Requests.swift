import Foundation
import SoukAPI
import SoukMarket

/// Valid requests to start from.
enum Requests {
  /// A fresh idempotency key.
  static func key() -> String {
    UUID().uuidString
  }

  /// Text in French only.
  static func text(_ french: String) -> SoukCommonV1.LocalizedText {
    var text = SoukCommonV1.LocalizedText()
    text.fr = french
    return text
  }

  /// A 250 g jar.
  static func jar() -> SoukCatalogV1.Unit {
    var unit = SoukCatalogV1.Unit()
    unit.kind = .mass
    unit.amount = 250
    return unit
  }

  /// A cooperative of the Fès-Meknès region.
  static func cooperative(name: String) -> SoukAdminV1.CreateCooperativeRequest {
    var request = SoukAdminV1.CreateCooperativeRequest()
    request.idempotencyKey = Self.key()
    request.name = Self.text(name)
    request.region = .fesMeknes
    request.province = "Taza"
    request.city = "Taza"
    request.sector = .localFood
    var contact = SoukCommonV1.Contact()
    contact.personName = "Fatima Zahra"
    var phone = SoukCommonV1.PhoneNumber()
    phone.e164 = "0612345678"
    contact.phone = phone
    request.contact = contact
    return request
  }

  /// A partner shop.
  static func partner(name: String) -> SoukAdminV1.CreatePartnerRequest {
    var request = SoukAdminV1.CreatePartnerRequest()
    request.idempotencyKey = Self.key()
    request.name = name
    request.websiteUrl = "https://shop.example.ma"
    var contact = SoukCommonV1.Contact()
    contact.personName = "Youssef"
    contact.email = "youssef@example.ma"
    request.contact = contact
    return request
  }

  /// A product of the caller's cooperative (or of `cooperativeID` for an admin).
  static func product(
    sku: String,
    status: SoukCatalogV1.ProductStatus = .active,
    stock: Int64 = 10,
    cooperativeID: String = ""
  ) -> SoukCatalogV1.CreateProductRequest {
    var request = SoukCatalogV1.CreateProductRequest()
    request.idempotencyKey = Self.key()
    request.cooperativeId = cooperativeID
    request.sku = sku
    request.title = Self.text("Miel de thym \(sku)")
    request.category = .honey
    request.price = SoukCommonV1.Money.mad(8_900)
    request.unit = Self.jar()
    request.stock = stock
    request.status = status
    return request
  }

  /// A bulk row that creates or updates `sku`.
  static func row(sku: String, price: Int64 = 5_000, stock: Int64? = nil) -> SoukCatalogV1.ProductRow {
    var row = SoukCatalogV1.ProductRow()
    row.sku = sku
    row.title = Self.text("Amlou \(sku)")
    row.category = .preservesAndSpreads
    row.price = SoukCommonV1.Money.mad(price)
    row.unit = Self.jar()
    row.stock = stock
    return row
  }
}
