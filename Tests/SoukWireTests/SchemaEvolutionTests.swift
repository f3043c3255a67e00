import SoukTestSupport
import SoukWire
import Testing

@Suite("Unknown fields and schema evolution")
struct SchemaEvolutionTests {
  @Test("an old peer keeps the fields it does not know and writes them back verbatim")
  func oldPeerKeepsNewFields() throws {
    let newBytes = Samples.product.encodedBytes()
    let old = try SoukFixtureV0.Product(decoding: newBytes)
    #expect(old.id == Samples.product.id)
    #expect(old.stock == Samples.product.stock)
    #expect(old.tags == Samples.product.tags)
    #expect(old.price == Samples.product.price)
    #expect(old.status == .active)
    #expect(!old.unknownFields.isEmpty)

    let passedThrough = old.encodedBytes()
    #expect(try SoukFixtureV1.Product(decoding: passedThrough) == Samples.product)
  }

  @Test("the old peer changes a known field; the new fields survive unchanged")
  func oldPeerEditsKnownField() throws {
    var old = try SoukFixtureV0.Product(decoding: Samples.product.encodedBytes())
    old.stock = 3
    let updated = try SoukFixtureV1.Product(decoding: old.encodedBytes())
    var expected = Samples.product
    expected.stock = 3
    #expect(updated == expected)
  }

  @Test("a new peer reads an old peer's bytes with defaults for the fields the old one lacks")
  func newPeerReadsOldBytes() throws {
    var old = SoukFixtureV0.Product()
    old.id = "p1"
    old.stock = -5
    old.tags = ["x"]
    old.status = .active
    let new = try SoukFixtureV1.Product(decoding: old.encodedBytes())
    #expect(new.id == "p1")
    #expect(new.stock == -5)
    #expect(new.tags == ["x"])
    #expect(new.status == .active)
    #expect(new.note == nil)
    #expect(new.ratings.isEmpty)
    #expect(new.counts.isEmpty)
    #expect(new.source == nil)
    #expect(new.unknownFields.isEmpty)
    #expect(new.encodedBytes() == old.encodedBytes())
  }

  @Test("an enum value the old peer does not know is kept and written back")
  func unknownEnumValue() throws {
    var new = SoukFixtureV1.Product()
    new.status = .paused
    let old = try SoukFixtureV0.Product(decoding: new.encodedBytes())
    #expect(old.status == .unrecognized(2))
    #expect(try SoukFixtureV1.Product(decoding: old.encodedBytes()).status == .paused)
  }

  @Test("unknown records keep their exact bytes and order, after the known fields")
  func unknownRecordsVerbatim() throws {
    let bytes = [UInt8](
      hex: """
        f8 07 ac 02                  # field 127, varint 300
        0a 01 61                     # id = "a"
        e1 07 01 02 03 04 05 06 07 08  # field 124, fixed64
        ed 07 01 02 03 04            # field 125, fixed32
        f2 07 02 ff 00               # field 126, length-delimited
        d8 80 80 00 01               # field 11 (over-long tag), varint 1
        """
    )
    let product = try SoukFixtureV1.Product(decoding: bytes)
    #expect(product.id == "a")
    let unknown = [UInt8](
      hex: "f8 07 ac 02  e1 07 01 02 03 04 05 06 07 08  ed 07 01 02 03 04  f2 07 02 ff 00"
    )
    #expect(product.unknownFields.rawBytes == unknown + [UInt8](hex: "d8 80 80 00 01"))
    #expect(product.unknownFields.byteCount == unknown.count + 5)
    #expect(
      product.encodedBytes() == [UInt8](hex: "0a 01 61") + unknown + [UInt8](hex: "d8 80 80 00 01")
    )
  }

  @Test("a known number with an unexpected wire type is kept as an unknown field")
  func knownNumberWrongWireType() throws {
    let product = try SoukFixtureV1.Product(decoding: [UInt8](hex: "0d 01 02 03 04  12 01 07"))
    #expect(product.id == "")
    #expect(product.stock == 0)
    #expect(product.unknownFields.rawBytes == [UInt8](hex: "0d 01 02 03 04  12 01 07"))
  }

  @Test("UnknownFields compare and hash by their bytes")
  func unknownFieldsHashable() throws {
    let first = try SoukFixtureV1.Product(decoding: [UInt8](hex: "f8 07 01"))
    let second = try SoukFixtureV1.Product(decoding: [UInt8](hex: "f8 07 01"))
    let third = try SoukFixtureV1.Product(decoding: [UInt8](hex: "f8 07 02"))
    #expect(first == second)
    #expect(first != third)
    #expect(Set([first.unknownFields, second.unknownFields, third.unknownFields]).count == 2)
    #expect(UnknownFields().isEmpty)
    #expect(UnknownFields().byteCount == 0)
  }
}
