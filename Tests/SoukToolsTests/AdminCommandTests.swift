import Foundation
import SoukAPI
import SoukServerTestSupport
import SoukTools
import Testing

/// `souk-admin` as a real subprocess against a real server in this process: outputs, exit statuses and the
/// explanations people see.
@Suite("souk-admin against a real server")
struct AdminCommandTests {
  @Test("no server listening: exit 3 and what to check")
  func noServer() async throws {
    // Port 1 (tcpmux) is privileged and never served on a test machine: the connection is refused.
    let run = try await ToolProcess.admin(["orders", "list", "--address", "127.0.0.1:1", "--key", "souk_x_y"])
    #expect(run.status == 3, "\(run.standardError)")
    #expect(run.standardError.contains("cannot reach the Souk server at 127.0.0.1:1"))
    #expect(run.standardError.contains("--address"))
    #expect(run.standardOutput.isEmpty)
  }

  @Test("a server whose certificate is not trusted (no --ca): exit 4 and a hint to pass --ca")
  func untrustedCertificate() async throws {
    try await TestMarket.with(prefix: "souk-admin-tool", configure: TestMarket.logErrorsOnly) { market in
      let run = try await market.adminTool(["orders", "list"], ca: false)
      #expect(run.status == 4, "\(run.standardError)")
      #expect(run.standardError.contains("certificate is not trusted"))
      #expect(run.standardError.contains("--ca"))
    }
  }

  @Test("a wrong key: exit 5; a partner key calling admin methods: exit 6")
  func wrongKeyAndNotAllowed() async throws {
    try await TestMarket.with(prefix: "souk-admin-tool", configure: TestMarket.logErrorsOnly) { market in
      let fixtures = try await AdminFixtures.make(in: market, orderCount: 0)
      let wrong = try await market.adminTool(
        ["orders", "list"], key: "souk_AAAAAAAAAA_" + String(repeating: "b", count: 43))
      #expect(wrong.status == 5, "\(wrong.standardError)")
      #expect(wrong.standardError.contains("does not accept this key"))

      let partner = try await market.adminTool(["orders", "list"], key: fixtures.partnerKey)
      #expect(partner.status == 6, "\(partner.standardError)")
      #expect(partner.standardError.contains("this key may not do that"))
    }
  }

  @Test("bad arguments are usage errors (exit 64) that name the option")
  func badArguments() async throws {
    let status = try await ToolProcess.admin(["orders", "list", "--status", "lost", "--key", "k"])
    #expect(status.status == 64)
    #expect(status.standardError.contains("--status"))
    let range = try await ToolProcess.admin([
      "orders", "list", "--from", "2025-03-02", "--to", "2025-03-01", "--key", "k",
    ])
    #expect(range.status == 64)
    #expect(range.standardError.contains("is after --to"))
    let noKey = try await ToolProcess.admin(["orders", "list"])
    #expect(noKey.status == 64)
    #expect(noKey.standardError.contains("SOUK_KEY"))
  }

  @Test("orders list: a table with right-aligned MAD amounts, Arabic isolated, filters, and JSON")
  func ordersList() async throws {
    try await TestMarket.with(prefix: "souk-admin-tool", configure: TestMarket.logErrorsOnly) { market in
      let fixtures = try await AdminFixtures.make(in: market, orderCount: 3)
      let table = try await market.adminTool(["orders", "list"])
      #expect(table.status == 0, "\(table.standardError)")
      let lines = table.lines.filter { !$0.isEmpty }
      #expect(lines.count == 4, "a header and three orders: \(table.standardOutput)")
      #expect(lines[0].hasPrefix("ORDER"))
      // Newest first: CMD-3 (3 jars, 135.00 MAD) on the first row.
      #expect(lines[1].hasPrefix(fixtures.orders[2].id))
      #expect(lines[1].hasSuffix("135.00 MAD   135.00 MAD"))
      #expect(lines[3].contains("\u{2068}نادية الفاسي\u{2069}"))
      #expect(lines[3].hasSuffix("  45.00 MAD    45.00 MAD"))
      #expect(lines[3].contains("accepted"))
      // Amounts are right-aligned: every row ends where the header ends, Arabic customer or not.
      #expect(Set(lines.map { TerminalText.width($0) }).count == 1)

      let placed = try await market.adminTool(["orders", "list", "--status", "placed", "--json"])
      #expect(placed.status == 0, "\(placed.standardError)")
      let objects = try placed.jsonLines()
      #expect(objects.map { $0["partner_order_reference"] as? String } == ["CMD-3", "CMD-2"])
      let totals = objects.first?["totals"] as? [String: Any]
      let payable = totals?["payable_total"] as? [String: Any]
      #expect(payable?["amount_minor"] as? Int == 13_500)
      #expect(objects.first?["status"] as? String == "placed")

      let byReference = try await market.adminTool(["orders", "list", "--reference", "CMD-1", "--json-array"])
      let array = try JSONSerialization.jsonObject(with: Data(byReference.standardOutput.utf8)) as? [[String: Any]]
      #expect(array?.map { $0["id"] as? String } == [fixtures.orders[0].id])

      let oldest = try await market.adminTool([
        "orders", "list", "--oldest-first", "--limit", "1", "--json", "--payment-method", "cash-on-delivery",
        "--cooperative", fixtures.cooperative.id, "--partner", fixtures.partner.id, "--product", fixtures.product.id,
        "--customer", "+212612345678", "--outstanding", "--fulfilment-status", "pending,accepted",
      ])
      #expect(oldest.status == 0, "\(oldest.standardError)")
      #expect(try oldest.jsonLines().map { $0["id"] as? String } == [fixtures.orders[0].id])
      #expect(oldest.standardError.contains("more match"))

      // The admin service compares phone digits without their formatting: the national form finds +212….
      let byNationalPhone = try await market.adminTool(["orders", "list", "--customer", "06 12 34 56 78", "--json"])
      #expect(try byNationalPhone.jsonLines().count == fixtures.orders.count)

      let none = try await market.adminTool(["orders", "list", "--no-outstanding"])
      #expect(none.standardOutput == "No orders match.\n")
    }
  }

  @Test("orders show: facts, lines, fulfilments, totals and the full history")
  func ordersShow() async throws {
    try await TestMarket.with(prefix: "souk-admin-tool", configure: TestMarket.logErrorsOnly) { market in
      let fixtures = try await AdminFixtures.make(in: market, orderCount: 1)
      let order = try #require(fixtures.orders.first)
      let run = try await market.adminTool(["orders", "show", order.id])
      #expect(run.status == 0, "\(run.standardError)")
      let text = run.standardOutput
      #expect(run.lines.contains { $0.hasPrefix("Reference ") && $0.hasSuffix(" CMD-1") })
      #expect(text.contains("Boutique Atlas (\(fixtures.partner.id), active)"))
      #expect(text.contains("MIEL-500"))
      #expect(text.contains("\u{2068}Miel de thym / عسل الزعتر\u{2069}"))
      #expect(text.contains("45.00 MAD"))
      #expect(text.contains("Fulfilments"))
      #expect(text.contains("History (oldest first)"))
      #expect(text.contains("order placed"))
      #expect(text.contains("pending → accepted"))
      #expect(text.contains("Payments\n  none recorded"))

      let json = try await market.adminTool(["orders", "show", order.id, "--json"])
      let object = try #require(try json.jsonLines().first)
      #expect((object["history"] as? [Any])?.count ?? 0 >= 3)
      #expect((object["partner"] as? [String: Any])?["name"] as? String == "Boutique Atlas")

      let missing = try await market.adminTool(["orders", "show", "o_missing"])
      #expect(missing.status == 7, "\(missing.standardError)")
    }
  }

  @Test("orders export --csv: a header and one row per order over several pages, to stdout or a file")
  func ordersExport() async throws {
    try await TestMarket.with(prefix: "souk-admin-tool", configure: TestMarket.logErrorsOnly) { market in
      let fixtures = try await AdminFixtures.make(in: market, orderCount: 3)
      let run = try await market.adminTool(["orders", "export", "--csv", "--page-size", "1"])
      #expect(run.status == 0, "\(run.standardError)")
      let rows = run.standardOutput.split(separator: "\r\n").map(String.init)
      #expect(rows.count == 4)
      #expect(rows[0].hasPrefix("order_id,placed_at,partner_id,partner_order_reference,status"))
      // Oldest first, amounts as plain decimals, Arabic as UTF-8.
      #expect(rows[1].hasPrefix("\(fixtures.orders[0].id),"))
      #expect(rows[1].contains(",accepted,cash_on_delivery,نادية الفاسي,+212612345678,Fès,"))
      #expect(rows[1].contains(",1,1 x MIEL-500,45.00,45.00,0.00,45.00,MAD"))
      #expect(rows[3].contains(",1,3 x MIEL-500,135.00,135.00,0.00,135.00,MAD"))

      let folder = FileManager.default.temporaryDirectory.appendingPathComponent("souk-export-\(UUID().uuidString)")
      try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
      defer { try? FileManager.default.removeItem(at: folder) }
      let file = folder.appendingPathComponent("orders.csv").path
      let toFile = try await market.adminTool(["orders", "export", "--csv", "--status", "placed", "--output", file])
      #expect(toFile.status == 0, "\(toFile.standardError)")
      #expect(toFile.standardError.contains("Exported 2 orders"))
      let written = try String(contentsOfFile: file, encoding: .utf8)
      #expect(written.split(separator: "\r\n").count == 3)
      #expect(!FileManager.default.fileExists(atPath: file + ".partial"))

      let noFormat = try await market.adminTool(["orders", "export"])
      #expect(noFormat.status == 64)
    }
  }

  @Test("stats: counts and MAD totals per cooperative and status")
  func stats() async throws {
    try await TestMarket.with(prefix: "souk-admin-tool", configure: TestMarket.logErrorsOnly) { market in
      _ = try await AdminFixtures.make(in: market, orderCount: 3)
      let run = try await market.adminTool(["stats", "--by", "cooperative,status"])
      #expect(run.status == 0, "\(run.standardError)")
      let lines = run.lines
      let accepted = try #require(lines.first { $0.contains("accepted") })
      #expect(accepted.contains("Coopérative Nahla"))
      #expect(accepted.contains(" 45.00 MAD"))
      // The last column is right-aligned: every row ends where the header ends, Arabic names or not.
      let header = try #require(lines.first { $0.hasPrefix("COOPERATIVE") })
      #expect(TerminalText.width(accepted) == TerminalText.width(header))
      let pending = try #require(lines.first { $0.contains("pending") })
      #expect(pending.contains("225.00 MAD"), "orders 2 and 3: 5 jars at 45.00 MAD")
      let total = try #require(lines.first { $0.hasPrefix("TOTAL") })
      #expect(total.contains("270.00 MAD"))
      #expect(total.split(separator: " ").contains("3"))

      let json = try await market.adminTool(["stats", "--json"])
      let object = try #require(try json.jsonLines().first)
      let overall = object["overall"] as? [String: Any]
      #expect(overall?["order_count"] as? Int == 3)
      #expect((overall?["goods_total"] as? [String: Any])?["amount_minor"] as? Int == 27_000)
    }
  }

  @Test("cooperatives, partners and keys: create, list, suspend, issue and revoke")
  func accounts() async throws {
    try await TestMarket.with(prefix: "souk-admin-tool", configure: TestMarket.logErrorsOnly) { market in
      let created = try await market.adminTool([
        "cooperatives", "create", "--name-fr", "Coopérative Tighanimine", "--name-ar", "تعاونية تيغانمين",
        "--region", "souss-massa", "--province", "Tiznit", "--city", "Tiznit", "--sector", "natural-cosmetics",
        "--contact-name", "Fatima", "--phone", "0612345670", "--json",
      ])
      #expect(created.status == 0, "\(created.standardError)")
      let cooperative = try #require(try created.jsonLines().first)
      let cooperativeID = try #require(cooperative["id"] as? String)
      #expect(cooperative["region"] as? String == "souss_massa")

      let suspended = try await market.adminTool(["cooperatives", "suspend", cooperativeID])
      #expect(suspended.status == 0, "\(suspended.standardError)")
      #expect(suspended.standardOutput.contains("suspended"))
      let list = try await market.adminTool(["cooperatives", "list", "--status", "suspended"])
      #expect(list.standardOutput.contains(cooperativeID))
      #expect(list.standardOutput.contains("\u{2068}"))
      let renamed = try await market.adminTool([
        "cooperatives", "update", cooperativeID, "--name-fr", "Tighanimine", "--json",
      ])
      let name = try #require(try renamed.jsonLines().first?["name"] as? [String: Any])
      #expect(name["fr"] as? String == "Tighanimine")
      #expect(name["ar"] as? String == "تعاونية تيغانمين", "the other language is kept")
      let activated = try await market.adminTool(["cooperatives", "activate", cooperativeID, "--json"])
      #expect(try activated.jsonLines().first?["status"] as? String == "active")

      let partner = try await market.adminTool([
        "partners", "create", "--name", "Boutique Atlas", "--contact-name", "Karim", "--email", "karim@atlas.example",
        "--json",
      ])
      #expect(partner.status == 0, "\(partner.standardError)")
      let partnerID = try #require(try partner.jsonLines().first?["id"] as? String)
      let partners = try await market.adminTool(["partners", "list"])
      #expect(partners.standardOutput.contains(partnerID))
      #expect(partners.standardOutput.contains("Boutique Atlas"))
      let suspendedPartner = try await market.adminTool(["partners", "suspend", partnerID, "--json"])
      #expect(try suspendedPartner.jsonLines().first?["status"] as? String == "suspended")

      let issued = try await market.adminTool([
        "keys", "issue", "--kind", "partner", "--id", partnerID, "--label", "shop",
      ])
      #expect(issued.status == 0, "\(issued.standardError)")
      #expect(issued.standardError.contains("only time the secret is shown"))
      let secretLine = try #require(issued.lines.first { $0.hasPrefix("Secret: ") })
      let secret = String(secretLine.dropFirst("Secret: ".count))
      #expect(secret.hasPrefix("souk_"))

      let keys = try await market.adminTool(["keys", "list", "--kind", "partner", "--id", partnerID, "--json"])
      let key = try #require(try keys.jsonLines().first)
      let keyID = try #require(key["id"] as? String)
      #expect(key["label"] as? String == "shop")
      #expect(!keys.standardOutput.contains(secret), "a listing never shows a secret")

      let revoked = try await market.adminTool(["keys", "revoke", keyID])
      #expect(revoked.status == 0, "\(revoked.standardError)")
      #expect(revoked.standardOutput.contains("revoked"))
      let afterRevoke = try await market.adminTool(["keys", "list", "--kind", "partner", "--id", partnerID])
      #expect(afterRevoke.standardOutput == "No keys match.\n")
      let withRevoked = try await market.adminTool(["keys", "list", "--include-revoked", "--kind", "partner"])
      #expect(withRevoked.standardOutput.contains(keyID))
      // The revoked key is refused, as a wrong key is.
      let refused = try await market.adminTool(["orders", "list"], key: secret)
      #expect(refused.status == 5)
    }
  }
}
