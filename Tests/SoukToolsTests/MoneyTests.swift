import Foundation
import SoukAPI
import SoukMarket
import SoukTools
import Testing

/// MAD amounts, Morocco's time and enum names as the tools print them.
@Suite("Money and time text")
struct MoneyTests {
  @Test(
    "centimes are shown as dirhams with two decimals and grouped thousands",
    arguments: [
      (Int64(0), "0.00 MAD"),
      (5, "0.05 MAD"),
      (4_990, "49.90 MAD"),
      (123_450, "1 234.50 MAD"),
      (123_456_789, "1 234 567.89 MAD"),
      (-5, "-0.05 MAD"),
      (-100_000, "-1 000.00 MAD"),
      (Int64.min, "-92 233 720 368 547 758.08 MAD"),
    ])
  func format(centimes: Int64, text: String) {
    #expect(MoneyText.format(centimes: centimes) == text)
  }

  @Test("plain decimals for CSV have no grouping")
  func plainDecimal() {
    #expect(MoneyText.decimal(centimes: 123_450, grouping: false) == "1234.50")
    #expect(MoneyText.format(nil) == "")
  }

  @Test("timestamps are shown in Africa/Casablanca, whose offset changes around Ramadan")
  func casablancaTime() {
    var timestamp = SoukCommonV1.Timestamp()
    // 2025-01-15T09:30:00Z: Morocco is at UTC+1.
    timestamp.seconds = 1_736_933_400
    #expect(MoroccoTime.format(timestamp) == "2025-01-15 10:30")
    // 2025-03-10T09:30:00Z, during Ramadan 2025: Morocco is at UTC+0.
    timestamp.seconds = 1_741_599_000
    #expect(MoroccoTime.format(timestamp) == "2025-03-10 09:30")
    timestamp.nanos = 1_500
    #expect(MoroccoTime.rfc3339(timestamp) == "2025-03-10T09:30:00.000001Z")
  }

  @Test("days parse strictly and start at Morocco's midnight")
  func days() throws {
    #expect(MoroccoTime.day(parsing: "2025-02-30") == nil)
    #expect(MoroccoTime.day(parsing: "2025-2-3") == nil)
    let day = try #require(MoroccoTime.day(parsing: "2025-01-15"))
    #expect(MoroccoTime.startTimestamp(of: day)?.seconds == 1_736_895_600)  // 2025-01-14T23:00:00Z
    #expect(MoroccoTime.format(MoroccoTime.adding(days: 17, to: day)) == "2025-02-01")
  }

  @Test("enum cases read and print as kebab-case, snake_case or the schema's name")
  func enumNames() {
    #expect(EnumName.kebab(SoukOrdersV1.FulfilmentStatus.deliveryRefused) == "delivery-refused")
    #expect(EnumName.snake(SoukCommonV1.Region.fesMeknes) == "fes_meknes")
    #expect(EnumName.parse("DELIVERY_REFUSED", as: SoukOrdersV1.FulfilmentStatus.self) == .deliveryRefused)
    #expect(EnumName.parse("cash-on-delivery", as: SoukOrdersV1.PaymentMethod.self) == .cashOnDelivery)
    #expect(EnumName.parse("nope", as: SoukOrdersV1.PaymentMethod.self) == nil)
  }

  @Test("JSON text escapes what it must and keeps Arabic as UTF-8")
  func json() {
    let value = JSONValue.object([
      ("name", .string("عسل \"bio\"\n")), ("n", .integer(-3)), ("ok", .bool(true)), ("none", .null),
      ("list", .array([.unsigned(1)])),
    ])
    #expect(value.serialized() == #"{"name":"عسل \"bio\"\n","n":-3,"ok":true,"none":null,"list":[1]}"#)
    var text = ""
    var output = JSONOutput(style: .array) { text += $0 }
    output.append(.integer(1))
    output.append(.integer(2))
    output.finish()
    #expect(text == "[\n1,\n2\n]\n")
  }
}
