import NIOCore
import SoukTestSupport
import SoukWire
import Testing

@Suite("Message encoding")
struct MessageEncodingTests {
  @Test("a full product round-trips through bytes and through a ByteBuffer")
  func roundTrip() throws {
    let product = Samples.product
    let bytes = product.encodedBytes()
    #expect(bytes.count == product.encodedSize())
    #expect(try SoukFixtureV1.Product(decoding: bytes) == product)

    var buffer = ByteBuffer()
    buffer.writeInteger(UInt8(0xEE))
    buffer.moveReaderIndex(forwardBy: 1)
    product.encode(into: &buffer)
    #expect(buffer.readableBytes == bytes.count)
    #expect(Array(buffer.readableBytesView) == bytes)
    #expect(try SoukFixtureV1.Product(decoding: buffer) == product)
  }

  @Test("encode(into:) appends after what the buffer already holds")
  func appendsToBuffer() {
    var buffer = ByteBuffer(bytes: [1, 2, 3])
    var money = SoukFixtureV1.Money()
    money.units = 1
    money.encode(into: &buffer)
    #expect(Array(buffer.readableBytesView) == [1, 2, 3, 0x08, 0x02])
  }

  @Test("every scalar kind round-trips, including optionals set to defaults")
  func scalarsRoundTrip() throws {
    let value = Samples.scalars
    let decoded = try SoukFixtureV1.Scalars(decoding: value.encodedBytes())
    #expect(decoded.encodedBytes() == value.encodedBytes())
    #expect(decoded.ob == false)
    #expect(decoded.oi32 == 0)
    #expect(decoded.os == "")
    #expect(decoded.oraw == [])
    #expect(decoded.oe == .unspecified)
    #expect(decoded.f.bitPattern == (-0.0 as Float).bitPattern)
    #expect(decoded.rs == value.rs)
    #expect(decoded.re == value.re)
    #expect(decoded.byUInt64 == value.byUInt64)
  }

  @Test("an empty message encodes to no bytes and decodes from none")
  func emptyMessage() throws {
    #expect(SoukFixtureV1.Product().encodedBytes() == [])
    #expect(try SoukFixtureV1.Product(decoding: []) == SoukFixtureV1.Product())
    #expect(try SoukFixtureV1.Product(decoding: ByteBuffer()) == SoukFixtureV1.Product())
    var buffer = ByteBuffer()
    SoukFixtureV1.Product().encode(into: &buffer)
    #expect(buffer.readableBytes == 0)
  }

  @Test(
    "singular defaults are omitted; a set empty message is tag + 00; a set oneof default is written"
  )
  func presence() {
    var product = SoukFixtureV1.Product()
    product.id = ""
    product.stock = 0
    product.status = .unspecified
    #expect(product.encodedBytes() == [])
    product.price = SoukFixtureV1.Money()
    #expect(product.encodedBytes() == [UInt8](hex: "32 00"))
    product.price = nil
    product.source = .url("")
    #expect(product.encodedBytes() == [UInt8](hex: "5a 00"))
    product.source = .data([])
    #expect(product.encodedBytes() == [UInt8](hex: "82 01 00"))
    product.source = nil
    product.note = ""
    #expect(product.encodedBytes() == [UInt8](hex: "1a 00"))
  }

  @Test("fields are written in ascending field number whatever the order they were set")
  func canonicalOrder() throws {
    var product = SoukFixtureV1.Product()
    product.source = .data([7])
    product.status = .active
    product.id = "x"
    let bytes = product.encodedBytes()
    #expect(bytes == [UInt8](hex: "0a 01 78  40 01  82 01 01 07"))
  }

  @Test(
    "map entries are written sorted by key: strings by UTF-8 bytes, integers numerically, false first"
  )
  func deterministicMaps() throws {
    var product = SoukFixtureV1.Product()
    product.counts = ["b": 2, "a": 1, "é": 3, "Z": 4]
    #expect(
      product.encodedBytes()
        == [UInt8](
          hex: """
            3a 05 0a 01 5a 10 08
            3a 05 0a 01 61 10 02
            3a 05 0a 01 62 10 04
            3a 06 0a 02 c3 a9 10 06
            """
        )
    )
    var scalars = SoukFixtureV1.Scalars()
    scalars.byFlag = [true: "t", false: "f"]
    scalars.byInt32 = [1: "a", -1: "b"]
    #expect(
      scalars.encodedBytes()
        == [UInt8](
          hex: """
            fa 01 05 08 00 12 01 66
            fa 01 05 08 01 12 01 74
            82 02 05 08 01 12 01 62
            82 02 05 08 02 12 01 61
            """
        )
    )
  }

  @Test("the same value gives the same bytes however its maps were built")
  func sameValueSameBytes() {
    var first = Samples.product
    var second = Samples.product
    first.counts = [:]
    second.counts = [:]
    let keys = (0..<200).map { "key-\($0)" }
    for key in keys { first.counts[key] = Int64(key.count) }
    for key in keys.reversed() { second.counts[key] = Int64(key.count) }
    second.counts.reserveCapacity(1_000)
    #expect(first == second)
    #expect(first.encodedBytes() == second.encodedBytes())
  }

  @Test("map entries always carry key and value, even defaults; missing ones decode as defaults")
  func mapEntryDefaults() throws {
    var product = SoukFixtureV1.Product()
    product.counts = ["": 0]
    product.prices = [0: SoukFixtureV1.Money()]
    #expect(product.encodedBytes() == [UInt8](hex: "3a 04 0a 00 10 00  52 04 08 00 12 00"))
    let sparse = try SoukFixtureV1.Product(
      decoding: [UInt8](hex: "3a 00  3a 03 0a 01 61  52 02 08 05")
    )
    #expect(sparse.counts == ["": 0, "a": 0])
    #expect(sparse.prices == [5: SoukFixtureV1.Money()])
  }

  @Test("a duplicate map key: the last entry wins")
  func duplicateMapKey() throws {
    let product = try SoukFixtureV1.Product(
      decoding: [UInt8](hex: "3a 05 0a 01 61 10 02  3a 05 0a 01 61 10 04")
    )
    #expect(product.counts == ["a": 2])
  }

  @Test("unknown fields inside a map entry are skipped; value before key is fine")
  func mapEntryUnknownFields() throws {
    let product = try SoukFixtureV1.Product(
      decoding: [UInt8](hex: "3a 0c 10 04 18 07 0a 01 61 25 01 02 03 04")
    )
    #expect(product.counts == ["a": 2])
    #expect(product.unknownFields.isEmpty)
  }

  @Test("packed fields: one record; the unpacked form and several packed records are accepted too")
  func packedAndUnpacked() throws {
    var product = SoukFixtureV1.Product()
    product.ratings = [1, -1, 300]
    #expect(product.encodedBytes() == [UInt8](hex: "2a 04 02 01 d8 04"))
    let unpacked = try SoukFixtureV1.Product(decoding: [UInt8](hex: "28 02 28 01 28 d8 04"))
    #expect(unpacked.ratings == [1, -1, 300])
    let mixed = try SoukFixtureV1.Product(decoding: [UInt8](hex: "2a 01 02  28 01  2a 02 d8 04"))
    #expect(mixed.ratings == [1, -1, 300])
    #expect(mixed.encodedBytes() == product.encodedBytes())
  }

  @Test("every packed type accepts its unpacked form")
  func unpackedEveryType() throws {
    let bytes = [UInt8](
      hex: """
        a8 01 01  b0 01 03  b8 01 04  c0 01 05  c8 01 06
        d5 01 00 00 c0 3f  d9 01 00 00 00 00 00 00 f8 3f  f0 01 02
        """
    )
    let value = try SoukFixtureV1.Scalars(decoding: bytes)
    #expect(value.rb == [true])
    #expect(value.ri32 == [-2])
    #expect(value.ri64 == [2])
    #expect(value.ru32 == [5])
    #expect(value.ru64 == [6])
    #expect(value.rf == [1.5])
    #expect(value.rd == [1.5])
    #expect(value.re == [.paused])
  }

  @Test("an empty packed record adds nothing")
  func emptyPacked() throws {
    let value = try SoukFixtureV1.Scalars(decoding: [UInt8](hex: "b2 01 00  d2 01 00"))
    #expect(value.ri32.isEmpty)
    #expect(value.rf.isEmpty)
  }

  @Test("a message field that appears twice is merged; a scalar that appears twice: last wins")
  func mergeAndLastWins() throws {
    let bytes = [UInt8](hex: "32 02 08 02  0a 01 61  32 05 12 03 4d 41 44  0a 01 62")
    let product = try SoukFixtureV1.Product(decoding: bytes)
    #expect(product.id == "b")
    #expect(product.price?.units == 1)
    #expect(product.price?.currency == "MAD")
  }

  @Test("a oneof: the last member received wins")
  func oneofLastWins() throws {
    let product = try SoukFixtureV1.Product(decoding: [UInt8](hex: "5a 01 78  82 01 01 07"))
    #expect(product.source == .data([7]))
  }

  @Test("repeated messages keep their order and their own unknown fields")
  func repeatedMessages() throws {
    let bytes = [UInt8](hex: "4a 03 0a 01 61  4a 05 10 02 f8 01 01")
    let product = try SoukFixtureV1.Product(decoding: bytes)
    #expect(product.photos.map(\.url) == ["a", ""])
    #expect(product.photos[1].width == 2)
    #expect(product.photos[1].unknownFields.rawBytes == [0xF8, 0x01, 0x01])
    #expect(product.encodedBytes() == bytes)
  }

  @Test(
    "decoding a ByteBuffer slice reads only its readable bytes and reports offsets from its start"
  )
  func bufferSlice() throws {
    var buffer = ByteBuffer(bytes: [0xFF, 0xFF] + [UInt8](hex: "0a 05 61"))
    buffer.moveReaderIndex(forwardBy: 2)
    #expect(throws: WireDecodingError.self) { try SoukFixtureV1.Product(decoding: buffer) }
    do throws(WireDecodingError) {
      _ = try SoukFixtureV1.Product(decoding: buffer)
    } catch {
      #expect(error.offset == 1)
    }
  }

  @Test("sortedByWireKey orders every key type")
  func sortedByWireKey() {
    #expect(["b": 1, "a": 2, "ب": 3, "A": 4].sortedByWireKey().map(\.key) == ["A", "a", "b", "ب"])
    #expect(
      ["abc": 1, "ab": 2, "": 3, "abd": 4].sortedByWireKey().map(\.key) == ["", "ab", "abc", "abd"]
    )
    #expect(
      ["\u{FFFF}": 1, "\u{10000}": 2, "\u{7F}": 3].sortedByWireKey().map(\.key) == [
        "\u{7F}", "\u{FFFF}", "\u{10000}",
      ]
    )
    #expect([String: Int]().sortedByWireKey().isEmpty)
    #expect([true: 1, false: 2].sortedByWireKey().map(\.key) == [false, true])
    #expect([Int32(3): 1, -5: 2, 0: 3].sortedByWireKey().map(\.key) == [-5, 0, 3])
    #expect([Int64.max: 1, .min: 2].sortedByWireKey().map(\.key) == [.min, .max])
    #expect([UInt32.max: 1, 0: 2].sortedByWireKey().map(\.key) == [0, .max])
    #expect([UInt64.max: 1, 7: 2].sortedByWireKey().map(\.key) == [7, .max])
  }
}
