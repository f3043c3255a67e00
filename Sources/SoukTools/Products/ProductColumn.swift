/// The columns of a product sheet, named by the header row. Names are matched without regard to case, and
/// spaces or dashes count as underscores (`Title FR` is `title_fr`).
public enum ProductColumn: String, Sendable, CaseIterable {
  /// The product's SKU; required in the header and in every row.
  case sku
  /// The French title.
  case titleFr = "title_fr"
  /// The Arabic title.
  case titleAr = "title_ar"
  /// The English title.
  case titleEn = "title_en"
  /// The French description.
  case descriptionFr = "description_fr"
  /// The Arabic description.
  case descriptionAr = "description_ar"
  /// The English description.
  case descriptionEn = "description_en"
  /// The category's schema name in lower case, e.g. `honey`.
  case category
  /// Tags separated by `|`.
  case tags
  /// The price of one unit in dirhams: `45,50` or `45.50`.
  case price
  /// The selling unit: `250 g`, `1 l`, `piece`, `6 pieces`.
  case unit
  /// The French packaging word shown with the unit (`bocal`).
  case packagingFr = "packaging_fr"
  /// The Arabic packaging word.
  case packagingAr = "packaging_ar"
  /// The English packaging word.
  case packagingEn = "packaging_en"
  /// The stock, a whole number of units, set absolutely.
  case stock
  /// `draft`, `active` or `archived`.
  case status
  /// Photo URLs separated by `|`, the main one first.
  case photoURLs = "photo_urls"

  /// The column a header cell names, if any.
  public init?(header: String) {
    let normalized = Substring(header).trimmingSpaces().lowercased().map { $0 == " " || $0 == "-" ? "_" : $0 }
    self.init(rawValue: String(normalized))
  }
}
