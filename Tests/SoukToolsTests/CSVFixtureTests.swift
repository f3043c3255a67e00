import SoukAPI
import SoukMarket
import SoukTools
import Testing

@Suite("Product sheets from the CSV fixtures")
struct CSVFixtureTests {
  private func sheet(_ name: String, _ encoding: CSVEncoding = .utf8) throws -> ProductSheet {
    ProductSheet(CSVReader().read(try encoding.decode(try CSVFixtures.bytes(name))))
  }

  @Test("UTF-8 with BOM, Arabic titles, quoted commas, quotes and new lines, a `45,50` price in quotes")
  func arabicWithBOM() throws {
    let sheet = try self.sheet("arabic-bom.csv")
    #expect(sheet.problems.isEmpty)
    #expect(sheet.rows.map(\.line) == [2, 3, 5])
    #expect(sheet.rows.map(\.row.sku) == ["ARG-250", "MIEL-THYM", "AMLOU-1"])
    let honey = sheet.rows[1].row
    #expect(honey.title?.ar == "عسل الزعتر")
    #expect(honey.description?.fr == "Récolte d'été.\nPot en verre, dit \"bocal\"")
    #expect(honey.price?.amountMinor == 9550)
    #expect(honey.tags?.values == ["miel", "عسل"])
    #expect(sheet.rows[0].row.description?.fr == "Pressée à froid, à Taroudant")
  }

  @Test("semicolons, CRLF, `45,50` prices, mixed-case header names")
  func semicolons() throws {
    let document = CSVReader().read(try CSVEncoding.utf8.decode(try CSVFixtures.bytes("semicolon-french.csv")))
    #expect(document.separator == ";")
    let sheet = ProductSheet(document)
    #expect(sheet.problems.isEmpty)
    #expect(sheet.rows.map(\.row.price?.amountMinor) == [4550, 125_000, 1800])
    #expect(sheet.rows[1].row.title?.fr == "Safran; 1 g")
    #expect(sheet.rows[2].row.unit?.amount == 6)
  }

  @Test("Windows-1256 and Latin-1 files read with --encoding")
  func legacyEncodings() throws {
    let arabic = try self.sheet("windows-1256.csv", .windows1256)
    #expect(arabic.problems.isEmpty)
    #expect(arabic.rows.map(\.row.title?.ar) == ["تمر المجهول", "زيت الزيتون"])
    let french = try self.sheet("latin1.csv", .latin1)
    #expect(french.problems.isEmpty)
    #expect(french.rows.map(\.row.title?.fr) == ["Tapis berbère tissé à la main", "Poterie émaillée de Safi"])
    #expect(french.rows[0].row.unit?.kind == .area)
  }

  @Test("every broken row is reported at the line where it starts, with its reason")
  func broken() throws {
    let sheet = try self.sheet("broken.csv")
    let byLine = Dictionary(grouping: sheet.problems, by: \.line).mapValues { $0.map(\.reason).joined() }
    #expect(sheet.headerProblems.isEmpty)
    #expect(Set(byLine.keys) == [3, 4, 5, 6, 9, 10])
    #expect(byLine[3]?.hasPrefix("price:") == true)
    #expect(byLine[4]?.hasPrefix("unit:") == true)
    #expect(byLine[5]?.hasPrefix("sku: missing") == true)
    #expect(byLine[6]?.hasPrefix("category:") == true)
    #expect(byLine[9]?.contains("already on line 2") == true)
    #expect(byLine[10]?.contains("never closed") == true)
    #expect(sheet.rows.map(\.line) == [2, 7])
  }

  @Test("a header with an unknown column or without sku is refused")
  func header() {
    let unknown = ProductSheet(CSVReader().read("sku,prix\nA,4\n"))
    #expect(unknown.headerProblems.count == 1)
    #expect(unknown.headerProblems.first?.reason.contains("unknown column 'prix'") == true)
    let noSKU = ProductSheet(CSVReader().read("title_fr,price\nA,4\n"))
    #expect(noSKU.headerProblems.map(\.line) == [1])
  }

  @Test("products written by the sheet writer read back to rows equal to the products")
  func writerRoundTrip() throws {
    var product = SoukCatalogV1.Product()
    product.sku = "MIEL-1"
    product.title = .init()
    product.title?.fr = "Miel, \"pur\""
    product.title?.ar = "عسل"
    product.description = .init()
    product.description?.fr = "Deux\nlignes"
    product.category = .honey
    product.tags = ["bio", "عسل"]
    product.price = .mad(4550)
    product.unit = .init()
    product.unit?.kind = .mass
    product.unit?.amount = 1500
    product.unit?.packaging = .init()
    product.unit?.packaging?.fr = "bocal"
    product.stock = 9
    product.status = .active
    product.photoUrls = ["https://example.com/a.jpg"]
    let writer = ProductSheetWriter(separator: ";")
    let sheet = ProductSheet(CSVReader().read(writer.header() + writer.record(product)))
    #expect(sheet.problems.isEmpty)
    let row = try #require(sheet.rows.first?.row)
    #expect(row.sku == product.sku)
    #expect(row.title == product.title)
    #expect(row.description?.fr == "Deux\nlignes")
    #expect(row.category == .honey)
    #expect(row.tags?.values == product.tags)
    #expect(row.price == product.price)
    #expect(row.unit == product.unit)
    #expect(row.stock == 9)
    #expect(row.status == .active)
    #expect(row.photoUrls?.values == product.photoUrls)
  }
}
