import SoukSchema
import SoukTestSupport
import Testing

@Suite("Damaged input never traps")
struct MutationTests {
  private static let fragments: [String] = [
    "{", "}", "(", ")", "<", ">", ";", "=", ",", ".", "[", "]", "\"", "\\", "/*", "*/", "///", "//", "\n", "-", "0x",
    "0", "99999999999999999999999", "stream", "map", "oneof", "message", "enum", "service", "rpc", "reserved",
    "option", "to", "max", "é", "\u{0}", "returns", "optional", "repeated", "import", "package",
  ]

  /// Deletes, duplicates and inserts pieces of a valid schema and checks each result compiles or fails with
  /// located diagnostics, without trapping or hanging.
  @Test(arguments: 0..<8)
  func mutatedCatalog(seed: UInt64) {
    var generator = SplitMix64(seed: seed)
    let original = Array(ValidSchemaTests.catalog.unicodeScalars)
    for _ in 0..<60 {
      var scalars = original
      for _ in 0..<Int.random(in: 1...6, using: &generator) {
        let position = Int.random(in: 0...scalars.count, using: &generator)
        switch Int.random(in: 0..<3, using: &generator) {
        case 0 where position < scalars.count:
          let end = min(scalars.count, position + Int.random(in: 1...12, using: &generator))
          scalars.removeSubrange(position..<end)
        case 1:
          let fragment = Self.fragments.randomElement(using: &generator) ?? ";"
          scalars.insert(contentsOf: fragment.unicodeScalars, at: position)
        default:
          let end = min(scalars.count, position + Int.random(in: 1...30, using: &generator))
          scalars.insert(contentsOf: scalars[position..<end], at: position)
        }
      }
      var text = String.UnicodeScalarView()
      text.append(contentsOf: scalars)
      let files = ["souk/catalog/v1/catalog.souk": String(text), "souk/common/v1/common.souk": ValidSchemaTests.common]
      if case .failure(let errors) = SchemaCompiler.compile(files: files) {
        #expect(!errors.diagnostics.isEmpty)
        #expect(errors.diagnostics.allSatisfy { $0.location.line >= 1 && $0.location.column >= 1 })
      }
    }
  }
}
