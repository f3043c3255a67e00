import SoukTestSupport
import SoukWire
import Testing

/// Every `example:` block of the encoding specification is checked against the real encoder and decoder, so the
/// document and the code can never disagree.
@Suite("Specification examples")
struct SpecExampleTests {
  /// The heading of the part whose examples this test checks; examples of other parts of the same document
  /// (framing, for instance) are left to their own tests.
  static let sectionHeading = "## 3. Binary encoding"

  /// The value each example encodes, by the example's name.
  static let expectedValues: [String: any WireMessage] = {
    var values: [String: any WireMessage] = [:]
    var scalars = SoukFixtureV1.Scalars()
    scalars.u64 = 300
    values["varint"] = scalars

    scalars = SoukFixtureV1.Scalars()
    scalars.i64 = -300
    values["negative-int64"] = scalars

    scalars = SoukFixtureV1.Scalars()
    scalars.d = 1.5
    values["double"] = scalars

    scalars = SoukFixtureV1.Scalars()
    scalars.oi32 = 0
    values["optional-zero"] = scalars

    var product = SoukFixtureV1.Product()
    product.id = "زيت أركان"
    values["arabic-string"] = product

    product = SoukFixtureV1.Product()
    var price = SoukFixtureV1.Money()
    price.units = 2_500
    price.currency = "MAD"
    product.price = price
    values["nested-message"] = product

    product = SoukFixtureV1.Product()
    product.price = SoukFixtureV1.Money()
    values["empty-nested-message"] = product

    product = SoukFixtureV1.Product()
    product.source = .url("")
    values["oneof-default"] = product

    product = SoukFixtureV1.Product()
    product.source = .data([1, 2])
    values["two-byte-tag"] = product

    product = SoukFixtureV1.Product()
    product.ratings = [1, -1, 300]
    values["packed-repeated"] = product

    product = SoukFixtureV1.Product()
    product.counts = ["b": 2, "a": 1]
    values["map"] = product

    product = SoukFixtureV1.Product()
    product.id = "p1"
    product.note = "new"
    values["unknown-field-kept"] = product
    return values
  }()

  /// The `example:` blocks of the encoding part: name -> bytes; what is wrong with them is recorded as issues.
  static func examples() throws -> [String: [UInt8]] {
    let examples = try SpecExamples(section: Self.sectionHeading)
    for problem in examples.problems { Issue.record(Comment(rawValue: problem)) }
    return examples.bytes
  }

  @Test("the specification has exactly the examples this test knows")
  func exampleNames() throws {
    let names = Set(try Self.examples().keys)
    #expect(names == Set(Self.expectedValues.keys))
    #expect(names.count >= 12)
  }

  @Test("each example's bytes are the encoding of its value, and decode back to it")
  func exampleBytes() throws {
    for (name, bytes) in try Self.examples() {
      guard let value = Self.expectedValues[name] else { continue }
      let encoded = value.encodedBytes()
      #expect(Hex.string(encoded) == Hex.string(bytes), "example \(name)")
      let decodesBack = Self.decodesBack(value, from: bytes)
      #expect(decodesBack, "example \(name)")
    }
  }

  @Test(
    "the unknown-field example: an older peer keeps the unknown record and writes the same bytes"
  )
  func unknownFieldExample() throws {
    let bytes = try #require(try Self.examples()["unknown-field-kept"])
    let old = try SoukFixtureV0.Product(decoding: bytes)
    #expect(old.id == "p1")
    #expect(old.unknownFields.rawBytes == [UInt8](hex: "1a 03 6e 65 77"))
    #expect(old.encodedBytes() == bytes)
  }

  private static func decodesBack<M: WireMessage>(_ value: M, from bytes: [UInt8]) -> Bool {
    (try? M(decoding: bytes)) == value
  }
}
