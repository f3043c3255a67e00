import Foundation
import SoukAPI
import SoukAPIServices
import SoukClient
import SoukServerTestSupport
import Testing

/// `souk-coop` as a real child process against a real server over TLS: output, exit status, and what the
/// server then holds.
@Suite("souk-coop against a real server")
struct CoopToolTests {
  @Test("importing a UTF-8 file with a BOM creates its products, Arabic text and multi-line quotes intact")
  func importCreates() async throws {
    try await CoopTestMarket.with { market in
      let result = try await market.coop("products", "import", CSVFixtures.path("arabic-bom.csv"))
      #expect(result.status == 0, "\(result)")
      #expect(result.standardOutput == "Imported arabic-bom.csv: 3 created, 0 updated, 0 unchanged, 0 failed.\n")
      let honey = try await market.product("MIEL-THYM")
      #expect(honey.title?.ar == "عسل الزعتر")
      #expect(honey.description?.fr == "Récolte d'été.\nPot en verre, dit \"bocal\"")
      #expect(honey.price?.amountMinor == 9550)
      #expect(honey.unit?.kind == .mass && honey.unit?.amount == 500)
      #expect(honey.stock == 12 && honey.status == .active && honey.category == .honey)
      #expect(try await market.product("AMLOU-1").status == .draft)
    }
  }

  @Test("semicolon, Windows-1256 and Latin-1 files import with the right text")
  func importEncodings() async throws {
    try await CoopTestMarket.with { market in
      let semicolons = try await market.coop("products", "import", CSVFixtures.path("semicolon-french.csv"))
      #expect(semicolons.status == 0, "\(semicolons)")
      #expect(semicolons.standardOutput.contains("3 created"))
      let arabic = try await market.coop(
        "products", "import", "--encoding", "windows-1256", CSVFixtures.path("windows-1256.csv"))
      #expect(arabic.status == 0, "\(arabic)")
      let latin = try await market.coop("products", "import", "--encoding", "latin1", CSVFixtures.path("latin1.csv"))
      #expect(latin.status == 0, "\(latin)")
      #expect(try await market.product("DATTES-1").title?.ar == "تمر المجهول")
      #expect(try await market.product("POT-1").title?.fr == "Poterie émaillée de Safi")
      #expect(try await market.product("SAFRAN-1").price?.amountMinor == 125_000)
    }
  }

  @Test("a Windows-1256 file read as UTF-8 is refused at its first bad line, with a hint")
  func wrongEncoding() async throws {
    try await CoopTestMarket.with { market in
      let result = try await market.coop("products", "import", CSVFixtures.path("windows-1256.csv"))
      #expect(result.status == 8)
      #expect(result.standardError.contains("windows-1256.csv: line 2: the file is not UTF-8"))
      #expect(try await market.products().isEmpty)
    }
  }

  @Test("a dry run reports what would happen and writes nothing")
  func dryRun() async throws {
    try await CoopTestMarket.with { market in
      let result = try await market.coop("products", "import", "--dry-run", CSVFixtures.path("arabic-bom.csv"))
      #expect(result.status == 0, "\(result)")
      #expect(
        result.standardOutput
          == "Dry run of arabic-bom.csv, nothing written: 3 to create, 0 to update, 0 unchanged, 0 with problems.\n")
      #expect(try await market.products().isEmpty)
    }
  }

  @Test("a broken file reports every bad line and imports nothing; --skip-invalid imports the good rows")
  func brokenFile() async throws {
    try await CoopTestMarket.with { market in
      let result = try await market.coop("products", "import", CSVFixtures.path("broken.csv"))
      #expect(result.status == 8, "\(result)")
      for line in [3, 4, 5, 6, 9, 10] {
        #expect(result.standardError.contains("broken.csv: line \(line): "), "line \(line) in \(result.standardError)")
      }
      for line in [2, 7, 8] {
        #expect(!result.standardError.contains("line \(line): "))
      }
      #expect(result.standardError.contains("nothing was imported"))
      #expect(try await market.products().isEmpty)

      let skipping = try await market.coop("products", "import", "--skip-invalid", CSVFixtures.path("broken.csv"))
      #expect(skipping.status == 0, "\(skipping)")
      #expect(skipping.standardOutput.contains("2 created"))
      #expect(try await market.products().map(\.sku).sorted() == ["GOOD-1", "GOOD-2"])
    }
  }

  @Test("a row only the server refuses is reported at its line and nothing is imported")
  func serverRefusal() async throws {
    try await CoopTestMarket.with { market in
      let path = market.folder + "/server-refuses.csv"
      // NEW-2 is a new SKU without a title: fine for this tool (it could be an update), refused by the server.
      let text = "sku,title_fr,category,price,unit,status\nNEW-1,Miel,honey,45,250 g,active\nNEW-2,,honey,45,1 kg,\n"
      try text.write(toFile: path, atomically: true, encoding: .utf8)
      let result = try await market.coop("products", "import", path)
      #expect(result.status == 8, "\(result)")
      #expect(result.standardError.contains("server-refuses.csv: line 3: "))
      #expect(try await market.products().isEmpty)
    }
  }

  @Test("export writes every product; importing the export changes nothing and exports the same bytes")
  func exportRoundTrip() async throws {
    try await CoopTestMarket.with { market in
      for fixture in ["arabic-bom.csv", "semicolon-french.csv", "latin1.csv"] {
        let arguments = fixture == "latin1.csv" ? ["--encoding", "latin1"] : []
        let result = try await ToolProcess.coop(
          ["products", "import", CSVFixtures.path(fixture)] + arguments, environment: market.environment)
        #expect(result.status == 0, "\(result)")
      }
      let first = market.folder + "/export-1.csv"
      let export = try await market.coop("products", "export", "--output", first)
      #expect(export.status == 0, "\(export)")
      #expect(export.standardError.contains("Exported 8 products"))
      let again = try await market.coop("products", "import", first)
      #expect(again.status == 0, "\(again)")
      #expect(again.standardOutput == "Imported export-1.csv: 0 created, 0 updated, 8 unchanged, 0 failed.\n")
      let second = market.folder + "/export-2.csv"
      #expect(try await market.coop("products", "export", "-o", second).status == 0)
      let firstBytes = try Data(contentsOf: URL(fileURLWithPath: first))
      #expect(firstBytes == (try Data(contentsOf: URL(fileURLWithPath: second))))
      #expect(firstBytes.starts(with: [0xEF, 0xBB, 0xBF]))
      let list = try await market.coop("products", "list")
      #expect(list.status == 0)
      #expect(
        list.standardOutput.contains("MIEL-THYM") && list.standardOutput.contains("95.50")
          && list.standardOutput.contains("1250.00"))
    }
  }

  @Test("stock set and stock add change the stock; going below zero is refused")
  func stock() async throws {
    try await CoopTestMarket.with { market in
      #expect(try await market.coop("products", "import", CSVFixtures.path("arabic-bom.csv")).status == 0)
      let set = try await market.coop("stock", "set", "MIEL-THYM", "50")
      #expect(set.status == 0, "\(set)")
      #expect(set.standardOutput == "MIEL-THYM: stock 12 -> 50\n")
      let add = try await market.coop("stock", "add", "miel-thym", "--", "-5")
      #expect(add.status == 0, "\(add)")
      #expect(add.standardOutput == "MIEL-THYM: stock 50 -> 45\n")
      let more = try await market.coop("stock", "add", "MIEL-THYM", "7", "--note", "new harvest")
      #expect(more.standardOutput == "MIEL-THYM: stock 45 -> 52\n")
      let tooMany = try await market.coop("stock", "add", "MIEL-THYM", "--", "-100")
      #expect(tooMany.status == 8, "\(tooMany)")
      #expect(try await market.product("MIEL-THYM").stock == 52)
      let missing = try await market.coop("stock", "set", "NOPE", "1")
      #expect(missing.status == 7, "\(missing)")
    }
  }

  @Test("orders list shows a partner's new order; accept and ship move the fulfilment")
  func ordersAcceptShip() async throws {
    try await CoopTestMarket.with { market in
      #expect(try await market.coop("products", "import", CSVFixtures.path("arabic-bom.csv")).status == 0)
      let product = try await market.product("ARG-250")
      let order = try await market.placeOrder(productID: product.id, quantity: 2)
      let fulfilment = try #require(order.fulfilments.first)
      let pending = try await market.coop("orders", "list", "--status", "pending")
      #expect(pending.status == 0, "\(pending)")
      #expect(pending.standardOutput.contains(fulfilment.id) && pending.standardOutput.contains("2× ARG-250"))
      #expect(pending.standardOutput.contains("240.00"))
      let accept = try await market.coop("orders", "accept", fulfilment.id)
      #expect(accept.status == 0, "\(accept)")
      #expect(accept.standardOutput == "Fulfilment \(fulfilment.id) of order \(order.id) is now accepted.\n")
      let ship = try await market.coop("orders", "ship", fulfilment.id, "--carrier", "Amana", "--tracking", "AM123")
      #expect(ship.status == 0, "\(ship)")
      #expect(ship.standardOutput.contains("is now shipped (Amana AM123)"))
      var get = SoukOrdersV1.GetOrderRequest()
      get.lookup = .orderId(order.id)
      let seen = try await market.partner.call(SoukOrdersV1.OrderService.Method.GetOrder.self, get)
      #expect(seen.fulfilments.first?.status == .shipped)
      #expect(seen.fulfilments.first?.trackingReference == "AM123")
      let again = try await market.coop("orders", "accept", fulfilment.id)
      #expect(again.status == 8, "\(again)")
      let stillPending = try await market.coop("orders", "list", "--status", "pending")
      #expect(!stillPending.standardOutput.contains(fulfilment.id))
    }
  }

  @Test("a wrong key, a missing CA, no server and a partner's key each fail with their own explanation")
  func errors() async throws {
    try await CoopTestMarket.with { market in
      let wrongKey = try await market.coop("stock", "set", "X", "1", environment: ["SOUK_KEY": "souk_coop_nope_x"])
      #expect(wrongKey.status == 5, "\(wrongKey)")
      #expect(wrongKey.standardError.contains("does not accept this key"))
      let noCA = try await ToolProcess.coop(
        ["stock", "set", "X", "1"],
        environment: ["SOUK_ADDRESS": "127.0.0.1:\(market.port)", "SOUK_KEY": market.cooperativeKey])
      #expect(noCA.status == 4, "\(noCA)")
      #expect(noCA.standardError.contains("certificate is not trusted"))
      let partner = try await market.coop(
        "products", "import", CSVFixtures.path("arabic-bom.csv"), environment: ["SOUK_KEY": market.partnerKey])
      #expect(partner.status == 6, "\(partner)")
      let missingCA = try await market.coop("stock", "set", "X", "1", environment: ["SOUK_CA": "/nonexistent/ca.pem"])
      #expect(missingCA.status == 4, "\(missingCA)")
      #expect(missingCA.standardError.contains("cannot use the CA file"))
      let noKey = try await ToolProcess.coop(["stock", "set", "X", "1"], environment: [:])
      #expect(noKey.status != 0)
      #expect(noKey.standardError.contains("SOUK_KEY"))
    }
    let nobody = try await ToolProcess.coop(
      ["stock", "set", "X", "1"], environment: ["SOUK_ADDRESS": "127.0.0.1:1", "SOUK_KEY": "k"])
    #expect(nobody.status == 3, "\(nobody)")
    #expect(nobody.standardError.contains("cannot reach the Souk server"))
  }
}
