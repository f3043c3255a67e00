import SoukTestSupport
import SoukWire
import Testing

@Suite("Decoding limits")
struct DecodingLimitsTests {
  @Test("defaults: 4 MiB, 64 levels, 1,000,000 elements")
  func defaults() {
    #expect(DecodingLimits.default.maxMessageBytes == 4 * 1024 * 1024)
    #expect(DecodingLimits.default.maxDepth == 64)
    #expect(DecodingLimits.default.maxCollectionElements == 1_000_000)
  }

  @Test("maxMessageBytes is checked before decoding: the limit passes, one byte more fails")
  func messageSize() throws {
    let bytes = Samples.product.encodedBytes()
    let exact = DecodingLimits(maxMessageBytes: bytes.count)
    #expect(try SoukFixtureV1.Product(decoding: bytes, limits: exact) == Samples.product)

    let tooSmall = DecodingLimits(maxMessageBytes: bytes.count - 1)
    let error = decodingError(SoukFixtureV1.Product.self, bytes, limits: tooSmall)
    #expect(error?.code == .messageTooLarge)
    #expect(error?.offset == 0)
    #expect(
      error?.description
        == "souk.fixture.v1.Product: message of \(bytes.count) bytes exceeds the limit of \(bytes.count - 1) bytes at offset 0"
    )
    // Checked before decoding: even garbage of that size fails with the size error.
    let garbage = [UInt8](repeating: 0xFF, count: 10)
    #expect(
      decodingError(SoukFixtureV1.Product.self, garbage, limits: .init(maxMessageBytes: 9))?.code
        == .messageTooLarge
    )
  }

  @Test(
    "maxDepth: nesting up to the limit decodes, one level more fails",
    arguments: [0, 1, 5, 64]
  )
  func depth(limit: Int) throws {
    let limits = DecodingLimits(maxDepth: limit)
    let deepest = Samples.chain(depth: limit)
    #expect(try SoukFixtureV1.Node(decoding: deepest.encodedBytes(), limits: limits) == deepest)

    let tooDeep = Samples.chain(depth: limit + 1).encodedBytes()
    let error = decodingError(SoukFixtureV1.Node.self, tooDeep, limits: limits)
    #expect(error?.code == .depthExceeded)
    #expect(
      error?.description.hasPrefix(
        "field 2 of souk.fixture.v1.Node: nesting exceeds the limit of \(limit) levels at offset "
      ) == true
    )
  }

  @Test("the default depth limit stops a hostile 200-level nesting")
  func hostileNesting() {
    // 0x12 <length> wraps the previous bytes as the only child.
    var bytes: [UInt8] = []
    for _ in 0..<200 {
      var prefix: [UInt8] = [0x12]
      var length = UInt64(bytes.count)
      while length >= 0x80 {
        prefix.append(UInt8(truncatingIfNeeded: length) | 0x80)
        length >>= 7
      }
      prefix.append(UInt8(length))
      bytes = prefix + bytes
    }
    let error = decodingError(SoukFixtureV1.Node.self, bytes)
    #expect(error?.code == .depthExceeded)
  }

  @Test("map entries count as a level of nesting")
  func mapEntryDepth() throws {
    var product = SoukFixtureV1.Product()
    product.counts = ["a": 1]
    #expect(
      try SoukFixtureV1.Product(decoding: product.encodedBytes(), limits: .init(maxDepth: 1))
        == product
    )
    #expect(
      decodingError(SoukFixtureV1.Product.self, product.encodedBytes(), limits: .init(maxDepth: 0))?
        .code == .depthExceeded
    )
    product.counts = [:]
    product.prices = [1: SoukFixtureV1.Money()]
    #expect(
      try SoukFixtureV1.Product(decoding: product.encodedBytes(), limits: .init(maxDepth: 2))
        == product
    )
    let error = decodingError(
      SoukFixtureV1.Product.self,
      product.encodedBytes(),
      limits: .init(maxDepth: 1)
    )
    #expect(error?.code == .depthExceeded)
    #expect(
      error?.description
        == "field 2 of an entry of map field 10 of souk.fixture.v1.Product: nesting exceeds the limit of 1 levels at offset 6"
    )
  }

  @Test("maxCollectionElements applies to every kind of collection")
  func elements() throws {
    let limits = DecodingLimits(maxCollectionElements: 3)
    var ok = SoukFixtureV1.Scalars()
    ok.ri32 = [1, 2, 3]
    ok.rf = [1, 2, 3]
    ok.rs = ["a", "b", "c"]
    ok.byInt32 = [1: "a", 2: "b", 3: "c"]
    #expect(try SoukFixtureV1.Scalars(decoding: ok.encodedBytes(), limits: limits) == ok)

    let tooMany: [(String, (inout SoukFixtureV1.Scalars) -> Void)] = [
      ("packed varints", { $0.ri64 = [1, 2, 3, 4] }),
      ("packed bools", { $0.rb = [true, false, true, true] }),
      ("packed floats", { $0.rf = [1, 2, 3, 4] }),
      ("packed doubles", { $0.rd = [1, 2, 3, 4] }),
      ("packed enums", { $0.re = [.active, .active, .active, .active] }),
      ("strings", { $0.rs = ["a", "b", "c", "d"] }),
      ("bytes", { $0.rraw = [[], [], [], []] }),
      ("map", { $0.byUInt64 = [1: "", 2: "", 3: "", 4: ""] }),
    ]
    for (name, configure) in tooMany {
      var value = SoukFixtureV1.Scalars()
      configure(&value)
      let error = decodingError(SoukFixtureV1.Scalars.self, value.encodedBytes(), limits: limits)
      #expect(error?.code == .tooManyElements, "\(name)")
      #expect(error?.message == "more than 3 elements in one repeated field or map", "\(name)")
    }

    let unpacked = [UInt8](hex: "b0 01 02  b0 01 02  b0 01 02  b0 01 02")
    let error = decodingError(SoukFixtureV1.Scalars.self, unpacked, limits: limits)
    #expect(error?.code == .tooManyElements)
    #expect(error?.offset == 9)
    #expect(
      error?.description
        == "field 22 of souk.fixture.v1.Scalars: more than 3 elements in one repeated field or map at offset 9"
    )

    let split = [UInt8](hex: "b2 01 02 02 02  b2 01 02 02 02")
    #expect(
      decodingError(SoukFixtureV1.Scalars.self, split, limits: limits)?.code == .tooManyElements
    )

    var photos = SoukFixtureV1.Product()
    photos.photos = Array(repeating: SoukFixtureV1.Product.Photo(), count: 4)
    #expect(
      decodingError(SoukFixtureV1.Product.self, photos.encodedBytes(), limits: limits)?.code
        == .tooManyElements
    )
  }

  @Test("a length that claims more than is left fails before anything is allocated for it")
  func hostileLengths() {
    // A packed int64 field claiming 2^31 bytes, a string claiming 1 GiB, a bytes field claiming 2^63.
    let inputs = [
      [UInt8](hex: "ba 01 80 80 80 80 08 01 02"),
      [UInt8](hex: "42 80 80 80 80 04 61"),
      [UInt8](hex: "4a 80 80 80 80 80 80 80 80 80 01"),
    ]
    for input in inputs {
      #expect(decodingError(SoukFixtureV1.Scalars.self, input)?.code == .lengthExceedsRemaining)
    }
  }
}
