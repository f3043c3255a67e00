public import SoukAPI

/// Writes products as a product sheet that ``ProductSheet`` reads back to the same rows: every column, prices
/// with a `.` mark, units in their largest exact form, lists joined with `|`.
public struct ProductSheetWriter: Sendable {
  /// The CSV writer (`,` separated, CRLF records).
  public var csv: CSVWriter

  /// Creates a writer with `separator`.
  public init(separator: Unicode.Scalar = ",") {
    self.csv = CSVWriter(separator: separator)
  }

  /// The header record.
  public func header() -> String {
    self.csv.record(ProductColumn.allCases.map(\.rawValue))
  }

  /// The record of one product.
  public func record(_ product: SoukCatalogV1.Product) -> String {
    self.csv.record(ProductColumn.allCases.map { Self.cell($0, of: product) })
  }

  static func cell(_ column: ProductColumn, of product: SoukCatalogV1.Product) -> String {
    switch column {
    case .sku: product.sku
    case .titleFr: product.title?.fr ?? ""
    case .titleAr: product.title?.ar ?? ""
    case .titleEn: product.title?.en ?? ""
    case .descriptionFr: product.description?.fr ?? ""
    case .descriptionAr: product.description?.ar ?? ""
    case .descriptionEn: product.description?.en ?? ""
    case .category: CategoryName.name(of: product.category)
    case .tags: product.tags.joined(separator: "|")
    case .price: product.price.map { PriceText.format(centimes: $0.amountMinor) } ?? ""
    case .unit: product.unit.map(UnitText.format) ?? ""
    case .packagingFr: product.unit?.packaging?.fr ?? ""
    case .packagingAr: product.unit?.packaging?.ar ?? ""
    case .packagingEn: product.unit?.packaging?.en ?? ""
    case .stock: String(product.stock)
    case .status: StatusName.name(of: product.status)
    case .photoURLs: product.photoUrls.joined(separator: "|")
    }
  }
}
