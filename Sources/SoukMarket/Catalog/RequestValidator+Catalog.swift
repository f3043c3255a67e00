import Foundation
package import SoukAPI

extension RequestValidator {
  /// The most rows, tags, photos and the like the catalog accepts, from the schema's comments.
  package enum CatalogLimits {
    /// Characters of a SKU.
    package static let skuLength = 64
    /// Characters of a title or a cooperative's name, per language.
    package static let titleLength = 200
    /// Characters of a description, per language.
    package static let descriptionLength = 5000
    /// Tags of a product.
    package static let tagCount = 20
    /// Characters of one tag.
    package static let tagLength = 40
    /// Photo URLs of a product.
    package static let photoCount = 10
    /// Characters of one photo URL.
    package static let photoURLLength = 2048
    /// The largest stock and unit amount.
    package static let maxQuantity: Int64 = 1_000_000_000
    /// Characters of a packaging word, per language.
    package static let packagingLength = 40
    /// Characters of a listing's free-text query.
    package static let queryLength = 200
    /// Ids a `product_ids` filter may name.
    package static let productIDCount = 500
  }

  /// The SKU trimmed; records a violation unless it has 1 to 64 characters from `A-Z a-z 0-9 - _ . /`.
  @discardableResult
  package mutating func sku(_ value: String, field: String = "sku") -> String {
    let sku = value.trimmingCharacters(in: .whitespacesAndNewlines)
    if sku.isEmpty {
      self.fail(field, "is required")
    } else if sku.utf8.count > CatalogLimits.skuLength || !sku.utf8.allSatisfy(Self.isSKUByte) {
      self.fail(field, "must be 1 to 64 characters from A-Z a-z 0-9 - _ . /")
    }
    return sku
  }

  private static func isSKUByte(_ byte: UInt8) -> Bool {
    switch byte {
    case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
      UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."),
      UInt8(ascii: "/"):
      true
    default: false
    }
  }

  /// Records a violation when `category` is unset or unknown.
  package mutating func category(_ category: SoukCatalogV1.ProductCategory, field: String = "category") {
    if category == .unspecified || !SoukCatalogV1.ProductCategory.allCases.contains(category) {
      self.fail(field, "must be a known product category (PRODUCT_CATEGORY_OTHER when nothing fits)")
    }
  }

  /// The tags trimmed and normalised; records violations for more than 20, empty or longer than 40 characters,
  /// or repeated ones (ignoring case).
  package mutating func tags(_ tags: [String], field: String = "tags") -> [String] {
    if tags.count > CatalogLimits.tagCount {
      self.fail(field, "must hold at most \(CatalogLimits.tagCount) tags")
    }
    var seen = Set<String>()
    var result: [String] = []
    for (index, tag) in tags.enumerated() {
      let path = "\(field)[\(index)]"
      let normalized = self.text(tag, field: path, required: true, maxLength: CatalogLimits.tagLength)
      if !normalized.isEmpty && !seen.insert(normalized.lowercased()).inserted {
        self.fail(path, "repeats an earlier tag")
      }
      result.append(normalized)
    }
    return result
  }

  /// The photo URLs trimmed; records violations for more than 10, longer than 2,048 characters, or not HTTPS.
  package mutating func photoURLs(_ urls: [String], field: String = "photo_urls") -> [String] {
    if urls.count > CatalogLimits.photoCount {
      self.fail(field, "must hold at most \(CatalogLimits.photoCount) URLs")
    }
    var result: [String] = []
    for (index, url) in urls.enumerated() {
      let path = "\(field)[\(index)]"
      let trimmed = url.trimmingCharacters(in: .whitespacesAndNewlines)
      if trimmed.utf8.count > CatalogLimits.photoURLLength {
        self.fail(path, "must be at most \(CatalogLimits.photoURLLength) characters")
      } else if !Self.isHTTPSURL(trimmed) {
        self.fail(path, "must be an https:// URL with a host")
      }
      result.append(trimmed)
    }
    return result
  }

  private static func isHTTPSURL(_ text: String) -> Bool {
    guard let components = URLComponents(string: text), components.scheme?.lowercased() == "https",
      let host = components.host, !host.isEmpty
    else { return false }
    return true
  }

  /// The unit with its packaging normalised; records violations for a missing unit, an unknown kind or an
  /// amount outside 1 to 1,000,000,000.
  package mutating func unit(
    _ unit: SoukCatalogV1.Unit?,
    field: String = "unit",
    required: Bool
  ) -> SoukCatalogV1.Unit? {
    guard var unit else {
      if required { self.fail(field, "is required") }
      return nil
    }
    if unit.kind == .unspecified || !SoukCatalogV1.UnitKind.allCases.contains(unit.kind) {
      self.fail("\(field).kind", "must be a known unit kind")
    }
    if unit.amount < 1 || unit.amount > UInt64(CatalogLimits.maxQuantity) {
      self.fail("\(field).amount", "must be between 1 and 1000000000")
    }
    if let packaging = unit.packaging {
      unit.packaging = self.localized(
        packaging,
        field: "\(field).packaging",
        maxLength: CatalogLimits.packagingLength
      )
    }
    return unit
  }

  /// Records a violation unless `stock` is between 0 and 1,000,000,000.
  package mutating func stock(_ stock: Int64, field: String = "stock") {
    if stock < 0 || stock > CatalogLimits.maxQuantity {
      self.fail(field, "must be between 0 and 1000000000")
    }
  }

  /// Records a violation unless `status` is DRAFT, ACTIVE or ARCHIVED.
  package mutating func productStatus(_ status: SoukCatalogV1.ProductStatus, field: String = "status") {
    if status == .unspecified || !SoukCatalogV1.ProductStatus.allCases.contains(status) {
      self.fail(field, "must be PRODUCT_STATUS_DRAFT, PRODUCT_STATUS_ACTIVE or PRODUCT_STATUS_ARCHIVED")
    }
  }

  /// Records what keeps `product` from being ACTIVE, when it is: a title and a unit (always checked where they
  /// are set) and a price above zero.
  package mutating func activeRequirements(of product: SoukCatalogV1.Product, priceField: String = "price") {
    guard product.status == .active else { return }
    if (product.price?.amountMinor ?? 0) <= 0 {
      self.fail("\(priceField).amount_minor", "must be above zero for an ACTIVE product")
    }
    if product.unit == nil {
      self.fail("unit", "is required for an ACTIVE product")
    }
    let title = product.title ?? SoukCommonV1.LocalizedText()
    if title.ar.isEmpty && title.fr.isEmpty {
      self.fail("title", "is required for an ACTIVE product (at least one of ar and fr)")
    }
  }
}
