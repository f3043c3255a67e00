public import SoukAPI

/// Product categories by their schema name in lower case (`PRODUCT_CATEGORY_EDIBLE_OILS` is `edible_oils`),
/// the way a product sheet's `category` column names them.
public enum CategoryName {
  /// Every category a sheet may name, with its name, in schema order.
  public static let all: [(name: String, category: SoukCatalogV1.ProductCategory)] = [
    ("edible_oils", .edibleOils),
    ("honey", .honey),
    ("spices_and_herbs", .spicesAndHerbs),
    ("dates_and_dried_fruit", .datesAndDriedFruit),
    ("grains_and_couscous", .grainsAndCouscous),
    ("preserves_and_spreads", .preservesAndSpreads),
    ("dairy", .dairy),
    ("cosmetics", .cosmetics),
    ("rugs_and_textiles", .rugsAndTextiles),
    ("pottery_and_ceramics", .potteryAndCeramics),
    ("leather_goods", .leatherGoods),
    ("woodwork", .woodwork),
    ("jewellery_and_metalwork", .jewelleryAndMetalwork),
    ("basketry", .basketry),
    ("services", .services),
    ("other", .other),
  ]

  /// The category `text` names (case-insensitive; the `product_category_` prefix is allowed).
  ///
  /// - Throws: ``ProductFieldError`` listing the known names.
  public static func category(from text: String) throws(ProductFieldError) -> SoukCatalogV1.ProductCategory {
    var name = Substring(text).trimmingSpaces().lowercased()
    if name.hasPrefix("product_category_") {
      name.removeFirst("product_category_".count)
    }
    guard let match = Self.all.first(where: { $0.name == name }) else {
      throw ProductFieldError(
        "'\(text)' is not a category; use one of \(Self.all.map(\.name).joined(separator: ", "))")
    }
    return match.category
  }

  /// The name of `category`, e.g. `honey`; `other` for a value this tool does not know.
  public static func name(of category: SoukCatalogV1.ProductCategory) -> String {
    Self.all.first { $0.category == category }?.name ?? "other"
  }
}
