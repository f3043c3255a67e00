import SoukGeneratedFixtures
import SoukRPC
import SoukWire
import Testing

/// The generated fixture types (every schema construct) encode and decode through SoukWire.
@Suite("Generated code round-trips")
struct RoundTripTests {
  typealias F = SoukFixtureV1
  typealias Shared = SoukFixtureSharedV1

  private func roundTrip<M: WireMessage>(_ message: M) throws -> M {
    let bytes = message.encodedBytes()
    #expect(bytes.count == message.encodedSize())
    let decoded = try M(decoding: bytes)
    #expect(decoded.encodedBytes() == bytes, "canonical: same value, same bytes")
    return decoded
  }

  private static func money(_ units: Int64) -> Shared.Money {
    var money = Shared.Money()
    money.currency = "MAD"
    money.minorUnits = units
    return money
  }

  @Test func defaultMessagesEncodeToNothing() throws {
    #expect(F.Scalars().encodedBytes().isEmpty)
    #expect(F.Collections().encodedBytes().isEmpty)
    #expect(try roundTrip(F.Envelope()) == F.Envelope())
  }

  @Test func scalars() throws {
    var value = F.Scalars()
    value.flag = true
    value.small = -5
    value.large = .min
    value.count = .max
    value.bigCount = .max
    value.ratio = -0.0
    value.precise = 3.25
    value.text = "أركان épicé"
    value.blob = [0, 1, 255]
    value.maybeFlag = false
    value.maybeSmall = 0
    value.maybeText = ""
    value.maybePrecise = 0
    value.maybeLevel = .unspecified
    let decoded = try roundTrip(value)
    #expect(decoded == value)
    #expect(decoded.ratio.sign == .minus, "-0.0 is written")
    #expect(decoded.maybeSmall == 0 && decoded.maybeText == "" && decoded.maybeLevel == .unspecified)
  }

  @Test func singularFieldBytesFollowTheWireFormat() {
    var value = F.Scalars()
    value.small = -1
    value.text = "a"
    // small: tag 0x10, zigzag(-1) = 1; text: tag 0x42, length 1, "a".
    #expect(value.encodedBytes() == [0x10, 0x01, 0x42, 0x01, 0x61])
  }

  @Test func collections() throws {
    var value = F.Collections()
    value.numbers = [1, -2, 300]
    value.signedValues = [
      F.SintLike(),
      {
        var v = F.SintLike()
        v.value = -7
        return v
      }(),
    ]
    value.names = ["a", "", "c"]
    value.chunks = [[], [1, 2]]
    value.levels = [.low, .unrecognized(42), .max]
    value.amounts = [Self.money(100), Shared.Money()]
    value.flags = [true, false]
    value.samples = [1.5, -0.0]
    value.ratios = [0.25]
    value.ids = [.max, 0]
    value.counts = ["b": 2, "a": 0, "": -1]
    value.labels = [3: "three", -1: ""]
    value.byFlag = [true: .high, false: .unspecified]
    value.prices = [9: Self.money(5), 1: Shared.Money()]
    value.blobs = ["x": []]
    #expect(try roundTrip(value) == value)
  }

  @Test func mapEntriesAreSortedByKey() {
    var value = F.Collections()
    value.labels = [2: "b", -1: "a"]
    // Field 12, one record per entry, key -1 (zigzag 1) before key 2 (zigzag 4).
    #expect(
      value.encodedBytes() == [0x62, 0x05, 0x08, 0x01, 0x12, 0x01, 0x61, 0x62, 0x05, 0x08, 0x04, 0x12, 0x01, 0x62])
  }

  @Test func packedAndUnpackedRepeatedFieldsDecodeAlike() throws {
    // numbers = [1, 2]: packed (0x0A, len 2) and unpacked (0x08 per element).
    let packed = try F.Collections(decoding: [0x0A, 0x02, 0x02, 0x04])
    let unpacked = try F.Collections(decoding: [0x08, 0x02, 0x08, 0x04])
    #expect(packed.numbers == [1, 2])
    #expect(unpacked == packed)
  }

  @Test(arguments: [
    F.Envelope.Payload.text("hi"), .raw([]), .money(Shared.Money()), .level(.unspecified),
    .trace(
      {
        var trace = F.Envelope.Header.Trace()
        trace.id = 7
        return trace
      }()),
  ])
  func oneofCasesAreWrittenEvenWhenDefault(payload: F.Envelope.Payload) throws {
    var value = F.Envelope()
    value.payload = payload
    value.choice = .word("far")
    value.between = "b"
    value.farAway = "f"
    value.veryFar = 1
    value.largest = F.SintLike()
    var header = F.Envelope.Header()
    header.trace = F.Envelope.Header.Trace()
    value.header = header
    value.priority = .urgent
    #expect(!value.encodedBytes().isEmpty)
    #expect(try roundTrip(value) == value)
  }

  @Test func unknownFieldsAreKeptAndWrittenBack() throws {
    var value = F.Scalars()
    value.small = 3
    value.text = "kept"
    value.blob = [9]
    value.ratio = 1
    value.precise = 2
    let bytes = value.encodedBytes()
    let empty = try F.Empty(decoding: bytes)
    #expect(empty.unknownFields.byteCount == bytes.count)
    #expect(empty.encodedBytes() == bytes)
    #expect(try F.Scalars(decoding: empty.encodedBytes()) == value)
  }

  @Test func unknownEnumValuesSurvive() throws {
    var value = F.Scalars()
    value.maybeLevel = .unrecognized(77)
    let decoded = try roundTrip(value)
    #expect(decoded.maybeLevel == .unrecognized(77))
    #expect(F.Level(rawValue: 1) == .low)
    #expect(F.Level.allCases == [.unspecified, .low, .high, .max])
    #expect(F.Level.defaultValue.rawValue == 0)
  }

  @Test func keywordNamedFields() throws {
    var value = F.Keywords()
    value.`self` = "s"
    value.`default` = "d"
    value.encode_ = "e"
    value.size = "z"
    value.`switch` = .`case`("c")
    value.kind = .`default`
    #expect(try roundTrip(value) == value)
    #expect(F.Keywords.Kind(rawValue: 4) == ._2x)
  }

  @Test func selfContainingMessages() throws {
    var leaf = F.Node()
    leaf.name = "leaf"
    var root = F.Node()
    root.name = "root"
    root.parent = leaf
    root.children = [leaf, leaf]
    var edge = F.Edge()
    edge.target = leaf
    root.edge = edge
    root.link = .next(leaf)
    let decoded = try roundTrip(root)
    #expect(decoded == root)
    #expect(decoded.parent?.name == "leaf")
    #expect(decoded.edge?.target?.name == "leaf")
  }

  @Test func aMessageReadTwiceIsMerged() throws {
    var first = F.Envelope()
    first.header = {
      var header = F.Envelope.Header()
      header.key = "k"
      return header
    }()
    var second = F.Envelope()
    second.header = {
      var header = F.Envelope.Header()
      header.trace = {
        var trace = F.Envelope.Header.Trace()
        trace.id = 3
        return trace
      }()
      return header
    }()
    let merged = try F.Envelope(decoding: first.encodedBytes() + second.encodedBytes())
    #expect(merged.header?.key == "k")
    #expect(merged.header?.trace?.id == 3)
  }

  @Test func serviceDescriptors() {
    let descriptor = F.FixtureService.descriptor
    #expect(descriptor.fullName == "souk.fixture.v1.FixtureService")
    #expect(descriptor.methods.map(\.name) == ["Get", "Upload", "Watch", "Chat", "RegisterMethods"])
    let get = F.FixtureService.Method.Get.descriptor
    #expect(get.fullName == "souk.fixture.v1.FixtureService/Get")
    #expect(get.kind == .unary && get.isIdempotent && !get.isDeprecated)
    #expect(get.roles == ["public", "partner"])
    #expect(get.inputType == "souk.fixture.v1.Scalars" && get.outputType == "souk.fixture.v1.Scalars")
    #expect(F.FixtureService.Method.Upload.descriptor.kind == .clientStreaming)
    #expect(F.FixtureService.Method.Watch.descriptor.kind == .serverStreaming)
    #expect(F.FixtureService.Method.Watch.descriptor.isDeprecated)
    #expect(F.FixtureService.Method.Chat.descriptor.kind == .bidirectionalStreaming)
    #expect(F.FixtureService.Method.Chat.Input.self == F.Node.self)
  }
}
