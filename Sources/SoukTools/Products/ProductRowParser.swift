public import SoukAPI
import SoukMarket

/// Turns the cells of one sheet row into a `ProductRow`, checking every cell and reporting every bad one.
///
/// An empty cell leaves the field unset: on update the product keeps its value, on create the server's
/// default applies. Title, description and packaging are set when any of their language cells is filled, and
/// then replace all three languages (a language left empty becomes empty).
public struct ProductRowParser: Sendable {
  /// What a row became: a row to upload, or the reasons it cannot be.
  public enum Outcome: Sendable {
    /// Every cell is good.
    case success(SoukCatalogV1.ProductRow)
    /// One reason per bad cell, each starting with the column's name.
    case failure([String])
  }

  /// The largest stock the schema allows.
  static let maximumStock: Int64 = 1_000_000_000

  /// The column of each position in a row (nil for an ignored column).
  public var columns: [ProductColumn?]

  /// Creates a parser for rows laid out as `columns`.
  public init(columns: [ProductColumn?]) {
    self.columns = columns
  }

  /// Checks and converts one row's cells.
  public func parse(_ fields: [String]) -> Outcome {
    var cells: [ProductColumn: String] = [:]
    for (field, column) in zip(fields, self.columns) {
      guard let column else { continue }
      let trimmed = String(Substring(field).trimmingSpaces())
      if !trimmed.isEmpty { cells[column] = trimmed }
    }
    var reasons: [String] = []
    if fields.count > self.columns.count, fields[self.columns.count...].contains(where: { !$0.isEmpty }) {
      reasons.append("the row has \(fields.count) cells but the header names \(self.columns.count) columns")
    }
    var row = SoukCatalogV1.ProductRow()
    func check<T>(_ column: ProductColumn, _ convert: (String) throws(ProductFieldError) -> T) -> T? {
      guard let text = cells[column] else { return nil }
      do {
        return try convert(text)
      } catch {
        reasons.append("\(column.rawValue): \(error.description)")
        return nil
      }
    }
    if let sku = cells[.sku] {
      if let problem = Self.skuProblem(sku) {
        reasons.append("sku: \(problem)")
      }
      row.sku = sku
    } else {
      reasons.append("sku: missing; every row needs the product's SKU")
    }
    row.title = Self.localized(cells, fr: .titleFr, ar: .titleAr, en: .titleEn)
    row.description = Self.localized(cells, fr: .descriptionFr, ar: .descriptionAr, en: .descriptionEn)
    row.category = check(.category, CategoryName.category(from:))
    row.tags = cells[.tags].map(Self.list)
    if let centimes = check(.price, PriceText.centimes(from:)) {
      row.price = .mad(centimes)
    }
    let packaging = Self.localized(cells, fr: .packagingFr, ar: .packagingAr, en: .packagingEn)
    if var unit = check(.unit, UnitText.unit(from:)) {
      unit.packaging = packaging
      row.unit = unit
    } else if packaging != nil, cells[.unit] == nil {
      reasons.append("unit: missing; a packaging word goes with a unit (write the unit too)")
    }
    row.stock = check(.stock, Self.stock(from:))
    row.photoUrls = cells[.photoURLs].map(Self.list)
    row.status = check(.status, StatusName.status(from:))
    return reasons.isEmpty ? .success(row) : .failure(reasons)
  }

  /// Why `sku` is not a valid SKU (1 to 64 of `A-Z a-z 0-9 - _ . /`), or nil.
  static func skuProblem(_ sku: String) -> String? {
    guard sku.unicodeScalars.count <= 64 else { return "'\(sku)' is longer than 64 characters" }
    let allowed = sku.unicodeScalars.allSatisfy { scalar in
      switch scalar {
      case "A"..."Z", "a"..."z", "0"..."9", "-", "_", ".", "/": true
      default: false
      }
    }
    return allowed ? nil : "'\(sku)' may only contain letters A-Z, digits and - _ . /"
  }

  static func stock(from text: String) throws(ProductFieldError) -> Int64 {
    guard let number = ExactDecimal(text), number.fractionDigits == 0 else {
      throw ProductFieldError("'\(text)' is not a whole number of units")
    }
    guard number.digits <= Self.maximumStock else {
      throw ProductFieldError("'\(text)' is more than a billion units")
    }
    return number.digits
  }

  static func list(_ text: String) -> SoukCommonV1.StringList {
    var list = SoukCommonV1.StringList()
    list.values = text.split(separator: "|").map { String($0.trimmingSpaces()) }.filter { !$0.isEmpty }
    return list
  }

  static func localized(
    _ cells: [ProductColumn: String],
    fr: ProductColumn,
    ar: ProductColumn,
    en: ProductColumn
  ) -> SoukCommonV1.LocalizedText? {
    guard cells[fr] != nil || cells[ar] != nil || cells[en] != nil else { return nil }
    var text = SoukCommonV1.LocalizedText()
    text.fr = cells[fr] ?? ""
    text.ar = cells[ar] ?? ""
    text.en = cells[en] ?? ""
    return text
  }
}
