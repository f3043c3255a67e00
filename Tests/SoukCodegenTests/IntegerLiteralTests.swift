import Testing

@testable import SoukCodegen

@Suite("Integer literals")
struct IntegerLiteralTests {
  @Test(arguments: [
    (0, "0"), (130, "130"), (16384, "16384"), (999_999, "999999"), (1_000_000, "1_000_000"),
    (2_147_483_647, "2_147_483_647"), (-12_345_678, "-12_345_678"), (4_294_967_290, "4_294_967_290"),
  ])
  func decimalLiteralsGroupLongNumbers(value: Int, expected: String) {
    #expect(IntegerLiteral.decimal(value) == expected)
  }
}
