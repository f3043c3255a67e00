import SoukAPI
import SoukTools
import Testing

@Suite("Product row parsing")
struct ProductRowParserTests {
  @Test(
    "prices in dirhams become exact centimes",
    arguments: [
      ("45,50", 4550), ("45.50", 4550), ("45.5", 4550), ("45", 4500), ("0,05", 5), ("1 250,00", 125_000),
      ("1\u{202F}250,5", 125_050), ("45,50 MAD", 4550), ("45 DH", 4500), (" 7 ", 700), ("0", 0),
    ] as [(String, Int64)])
  func prices(text: String, centimes: Int64) throws {
    #expect(try PriceText.centimes(from: text) == centimes)
  }

  @Test("what is not a price is refused", arguments: ["", "45,5x", "12.345", "-3", "4,5,0", "abc", ",5", "45,", "1e3"])
  func badPrices(text: String) {
    #expect(throws: ProductFieldError.self) { try PriceText.centimes(from: text) }
  }

  @Test("prices format with two decimals and read back", arguments: [0, 5, 4550, 4500, 125_050] as [Int64])
  func priceRoundTrip(centimes: Int64) throws {
    #expect(try PriceText.centimes(from: PriceText.format(centimes: centimes)) == centimes)
  }

  @Test(
    "units in English, French and Arabic words become a kind and an exact base amount",
    arguments: [
      ("250 g", .mass, 250), ("250g", .mass, 250), ("1 kg", .mass, 1000), ("1,5 kg", .mass, 1500),
      ("1 l", .volume, 1000), ("1 L", .volume, 1000), ("500 ml", .volume, 500), ("75 cl", .volume, 750),
      ("piece", .piece, 1), ("6 pieces", .piece, 6), ("6 pièces", .piece, 6), ("1 m", .length, 1000),
      ("2 m2", .area, 20_000), ("1 kilo", .mass, 1000), ("500 غ", .mass, 500), ("1 لتر", .volume, 1000),
      ("قطعة", .piece, 1), ("2 litres", .volume, 2000),
    ] as [(String, SoukCatalogV1.UnitKind, UInt64)])
  func units(text: String, kind: SoukCatalogV1.UnitKind, amount: UInt64) throws {
    let unit = try UnitText.unit(from: text)
    #expect(unit.kind == kind)
    #expect(unit.amount == amount)
  }

  @Test("unknown or inexact units are refused", arguments: ["3 barrels", "", "0,5 g", "0 g", "kg 5", "1,2,3 kg"])
  func badUnits(text: String) {
    #expect(throws: ProductFieldError.self) { try UnitText.unit(from: text) }
  }

  @Test("units format in their largest exact form and read back")
  func unitRoundTrip() throws {
    let cases: [(SoukCatalogV1.UnitKind, UInt64, String)] = [
      (.mass, 250, "250 g"), (.mass, 1000, "1 kg"), (.mass, 1500, "1.5 kg"), (.mass, 1001, "1.001 kg"),
      (.volume, 750, "750 ml"), (.volume, 1000, "1 l"), (.piece, 1, "piece"), (.piece, 6, "6 pieces"),
      (.length, 1000, "1 m"), (.length, 15, "1.5 cm"), (.area, 20_000, "2 m2"), (.area, 5, "5 cm2"),
    ]
    for (kind, amount, text) in cases {
      var unit = SoukCatalogV1.Unit()
      unit.kind = kind
      unit.amount = amount
      #expect(UnitText.format(unit) == text)
      let back = try UnitText.unit(from: text)
      #expect(back.kind == kind && back.amount == amount, "\(text)")
    }
  }

  @Test("categories by schema name, in any case")
  func categories() throws {
    #expect(try CategoryName.category(from: "honey") == .honey)
    #expect(try CategoryName.category(from: "Edible_Oils") == .edibleOils)
    #expect(try CategoryName.category(from: "PRODUCT_CATEGORY_DAIRY") == .dairy)
    #expect(throws: ProductFieldError.self) { try CategoryName.category(from: "miel") }
    for (name, category) in CategoryName.all {
      #expect(CategoryName.name(of: category) == name)
    }
  }

  @Test("a good row sets exactly the filled cells")
  func goodRow() throws {
    let columns: [ProductColumn?] = ["SKU", "Title FR", "title_ar", "tags", "price", "unit", "stock", "status"]
      .map(ProductColumn.init(header:))
    let parser = ProductRowParser(columns: columns)
    guard case .success(let row) = parser.parse(["ARG-1", "Argan", "أركان", "bio | argan", "45,50", "250 ml", "7", ""])
    else {
      Issue.record("the row was refused")
      return
    }
    #expect(row.sku == "ARG-1")
    #expect(row.title?.fr == "Argan" && row.title?.ar == "أركان" && row.title?.en == "")
    #expect(row.tags?.values == ["bio", "argan"])
    #expect(row.price?.amountMinor == 4550 && row.price?.currencyCode == "MAD")
    #expect(row.unit?.kind == .volume && row.unit?.amount == 250)
    #expect(row.stock == 7)
    #expect(row.status == nil)
    #expect(row.category == nil && row.description == nil && row.photoUrls == nil)
  }

  @Test("a bad row reports every bad cell, each with its column")
  func badRow() {
    let columns = ["sku", "category", "price", "unit", "stock", "status"].map(ProductColumn.init(header:))
    let parser = ProductRowParser(columns: columns)
    guard case .failure(let reasons) = parser.parse(["bad sku!", "miel", "4,5x", "3 barrels", "-1", "sold"]) else {
      Issue.record("the row was accepted")
      return
    }
    let columnsNamed = reasons.map { reason in String(reason.prefix { $0 != ":" }) }
    #expect(columnsNamed == ["sku", "category", "price", "unit", "stock", "status"])
  }
}
