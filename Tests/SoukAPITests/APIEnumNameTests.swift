import SoukAPI
import SoukSchema
import SoukWire
import Testing

/// Every generated enum value carries the name the schema writes for it, as errors send it and tools show it,
/// checked against the compiled `.souk` files rather than against the generator.
@Suite struct APIEnumNameTests {
  @Test func theListCoversEveryEnumOfTheSchema() {
    let declared = APIRoundTripTests.schema.files.flatMap(\.enums).map(\.name.fullName)
    #expect(Set(APIEnums.all.map(\.fullName)) == Set(declared))
    #expect(APIEnums.all.count == declared.count)
  }

  @Test("each value's schema name is the one written in the schema, and its short name drops the enum's prefix")
  func namesAreTheSchemas() throws {
    for declaration in APIRoundTripTests.schema.files.flatMap(\.enums) {
      let generated = try #require(APIEnums.all.first { $0.fullName == declaration.name.fullName })
      #expect(generated.values.map(\.number) == declaration.values.map { Int32($0.number) })
      // SPEC 2.7: a value is prefixed by its enum's name in UPPER_SNAKE, which generated code strips.
      let prefix = Self.upperSnake(declaration.name.simpleName) + "_"
      for (value, written) in zip(generated.values, declaration.values) {
        #expect(value.schemaName == written.name)
        let short = written.name.hasPrefix(prefix) ? String(written.name.dropFirst(prefix.count)) : written.name
        #expect(value.shortSchemaName == short, "\(written.name)")
      }
    }
  }

  @Test("a value this version does not know has no name")
  func unrecognizedValuesHaveNoName() {
    #expect(SoukOrdersV1.FulfilmentStatus(rawValue: 99).schemaName == nil)
    #expect(SoukOrdersV1.FulfilmentStatus(rawValue: 99).shortSchemaName == nil)
    #expect(SoukOrdersV1.FulfilmentStatus.deliveryRefused.schemaName == "FULFILMENT_STATUS_DELIVERY_REFUSED")
    #expect(SoukOrdersV1.FulfilmentStatus.deliveryRefused.shortSchemaName == "DELIVERY_REFUSED")
  }

  /// `FulfilmentStatus` -> `FULFILMENT_STATUS`.
  private static func upperSnake(_ name: String) -> String {
    var result = ""
    for character in name {
      if character.isUppercase && !result.isEmpty { result += "_" }
      result += character.uppercased()
    }
    return result
  }
}
