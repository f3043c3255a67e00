import NIOCore
import SoukAPI
import SoukRPC
import SoukTestSupport
import SoukWire
import Testing

/// Every `example:` block of SPEC part 2 ("The connection") is checked against the frame codec: the encoder
/// writes exactly those bytes, and the decoder reads them back as the frames the example describes, so the
/// document and the code can never disagree. (Part 1's examples are checked in SoukWireTests.)
@Suite("Specification frame examples")
struct SpecFrameExampleTests {
  /// The heading of the part whose examples this test checks.
  static let sectionHeading = "## 5. The connection"

  /// What an example holds, in order.
  enum Item {
    /// The client preface.
    case preface
    /// A frame, written with `writeFrame`.
    case frame(Frame)
    /// One whole message in one MESSAGE frame, written with `writeMessageFrames`.
    case message(streamID: UInt32, any WireMessage)
    /// A message sent in two MESSAGE frames, the first `firstPartBytes` long and flagged MORE.
    case split(streamID: UInt32, any WireMessage, firstPartBytes: Int)
  }

  static let apiKey = "Bearer souk_3fZk81QpXaV7dLm2Rt9wYc4Hn6Jb0Ks5Ge8Uq1Pi3Ox"

  static var authorization: Metadata {
    var metadata = Metadata()
    metadata.addString(Self.apiKey, forKey: "authorization")
    return metadata
  }

  static func product(id: String, stock: Int64) -> SoukCatalogV1.Product {
    var product = SoukCatalogV1.Product()
    product.id = id
    product.stock = stock
    return product
  }

  static func change(
    revision: UInt64,
    kind: SoukCatalogV1.CatalogChangeKind,
    product: SoukCatalogV1.Product? = nil
  ) -> SoukCatalogV1.CatalogChange {
    var change = SoukCatalogV1.CatalogChange()
    change.revision = revision
    change.kind = kind
    change.subject = product.map { .product($0) }
    return change
  }

  /// The content of each example, by its name.
  static var expectedItems: [String: [Item]] {
    var items: [String: [Item]] = [:]

    var getProduct = SoukCatalogV1.GetProductRequest()
    getProduct.lookup = .productId("p_1")
    items["unary-call-client"] = [
      .preface,
      .frame(Frame(streamID: 0, payload: .settings(ConnectionSettings.defaults.update))),
      .frame(
        Frame(
          streamID: 1,
          payload: .call(
            CallHeader(
              method: "souk.catalog.v1.CatalogService/GetProduct",
              timeoutMicroseconds: 1_500_000,
              metadata: Self.authorization
            )
          )
        )
      ),
      .message(streamID: 1, getProduct),
      .frame(Frame(streamID: 1, payload: .halfClose)),
    ]

    var requestID = Metadata()
    requestID.addString("r_7Qm2", forKey: "request-id")
    items["unary-call-server"] = [
      .frame(Frame(streamID: 0, payload: .settings(ConnectionSettings.Update([(2, 256), (5, 8_192)])))),
      .frame(Frame(streamID: 1, payload: .headers(requestID))),
      .message(streamID: 1, Self.product(id: "p_1", stock: 12)),
      .frame(Frame(streamID: 1, payload: .status(.ok()))),
    ]

    var watch = SoukCatalogV1.WatchCatalogRequest()
    watch.afterRevision = 812
    items["server-stream-client"] = [
      .frame(
        Frame(
          streamID: 3,
          payload: .call(
            CallHeader(
              method: "souk.catalog.v1.CatalogService/WatchCatalog",
              timeoutMicroseconds: 0,
              metadata: Self.authorization
            )
          )
        )
      ),
      .message(streamID: 3, watch),
      .frame(Frame(streamID: 3, payload: .halfClose)),
    ]

    var honey = Self.product(id: "p_2", stock: 40)
    var title = SoukCommonV1.LocalizedText()
    title.ar = "عسل الزعتر"
    title.fr = "Miel de thym"
    honey.title = title
    var trailers = Metadata()
    trailers.addString("2000", forKey: "retry-after-ms")
    trailers.addBinary([0xDE, 0xAD, 0xBE, 0xEF], forKey: "trace-bin")
    items["server-stream-server"] = [
      .message(
        streamID: 3,
        Self.change(revision: 813, kind: .productStockChanged, product: Self.product(id: "p_1", stock: 11))
      ),
      .split(streamID: 3, Self.change(revision: 814, kind: .productUpdated, product: honey), firstPartBytes: 21),
      .message(streamID: 3, Self.change(revision: 814, kind: .caughtUp)),
      .frame(
        Frame(
          streamID: 3,
          payload: .status(
            StatusTrailer(
              code: .resourceExhausted,
              message: "client fell behind — resume after revision 814",
              details: [],
              metadata: trailers
            )
          )
        )
      ),
    ]
    items["server-stream-window-update"] = [.frame(Frame(streamID: 3, payload: .windowUpdate(increment: 21)))]

    var detail = SoukCommonV1.ErrorDetail()
    detail.reason = .outOfStock
    detail.metadata = ["product_id": "p_1", "available": "2"]
    items["status-error-detail"] = [
      .frame(
        Frame(
          streamID: 5,
          payload: .status(
            StatusTrailer(
              code: .failedPrecondition,
              message: "not enough stock for p_1",
              details: detail.encodedBytes(),
              metadata: Metadata()
            )
          )
        )
      )
    ]

    items["ping"] = [.frame(Frame(streamID: 0, payload: .ping(data: 0x0000_018F_4A2B_3C5D, ack: false)))]
    items["ping-ack"] = [.frame(Frame(streamID: 0, payload: .ping(data: 0x0000_018F_4A2B_3C5D, ack: true)))]
    items["goaway"] = [
      .frame(
        Frame(streamID: 0, payload: .goAway(GoAway(lastStreamID: 5, code: .noError, message: "server shutting down")))
      )
    ]
    return items
  }

  /// The `example:` blocks of the connection part: name -> bytes; what is wrong with them is recorded as issues.
  static func examples() throws -> [String: [UInt8]] {
    let examples = try SpecExamples(section: Self.sectionHeading)
    for problem in examples.problems { Issue.record(Comment(rawValue: problem)) }
    return examples.bytes
  }

  /// The frames `items` decode to.
  static func frames(of items: [Item]) -> [Frame] {
    items.flatMap { item -> [Frame] in
      switch item {
      case .preface:
        return []
      case .frame(let frame):
        return [frame]
      case .message(let streamID, let message):
        return [Frame(streamID: streamID, payload: .message(ByteBuffer(bytes: message.encodedBytes()), more: false))]
      case .split(let streamID, let message, let firstPartBytes):
        let bytes = message.encodedBytes()
        return [
          Frame(streamID: streamID, payload: .message(ByteBuffer(bytes: bytes.prefix(firstPartBytes)), more: true)),
          Frame(streamID: streamID, payload: .message(ByteBuffer(bytes: bytes.dropFirst(firstPartBytes)), more: false)),
        ]
      }
    }
  }

  /// The bytes our encoder writes for `items`.
  static func encode(_ items: [Item]) -> [UInt8] {
    var buffer = ByteBuffer()
    for item in items {
      switch item {
      case .preface:
        buffer.writePreface()
      case .frame(let frame):
        buffer.writeFrame(frame)
      case .message(let streamID, let message):
        buffer.writeMessageFrames(streamID: streamID, message: message, maxFrameBytes: 16_384)
      case .split:
        for frame in Self.frames(of: [item]) { buffer.writeFrame(frame) }
      }
    }
    return Array(buffer.readableBytesView)
  }

  @Test("the connection part has exactly the examples this test knows")
  func exampleNames() throws {
    #expect(Set(try Self.examples().keys) == Set(Self.expectedItems.keys))
  }

  @Test("our encoder writes exactly each example's bytes")
  func encoderMatches() throws {
    let examples = try Self.examples()
    for (name, items) in Self.expectedItems {
      let documented = try #require(examples[name], "no example \(name)")
      #expect(Hex.string(Self.encode(items)) == Hex.string(documented), "example \(name)")
    }
  }

  @Test("our decoder reads each example back as its frames, all at once and byte by byte")
  func decoderMatches() throws {
    let examples = try Self.examples()
    for (name, items) in Self.expectedItems {
      let documented = try #require(examples[name], "no example \(name)")
      let preface = items.contains { if case .preface = $0 { true } else { false } }
      for chunk in [Int.max, 1] {
        let outcome = FrameStream.decode(documented, expectsPreface: preface, chunkSize: { chunk })
        #expect(outcome.error == nil, "example \(name)")
        #expect(outcome.leftoverBytes == 0, "example \(name)")
        #expect(outcome.frames == Self.frames(of: items), "example \(name)")
      }
    }
  }

  @Test("the split message's parts join to the documented CatalogChange")
  func splitMessageJoins() throws {
    let documented = try #require(try Self.examples()["server-stream-server"])
    let frames = FrameStream.decode(documented, expectsPreface: false).frames
    var joined: [UInt8] = []
    for frame in frames.dropFirst().prefix(2) {
      guard case .message(let part, _) = frame.payload else {
        Issue.record("expected MESSAGE frames, got \(frame)")
        return
      }
      joined += Array(part.readableBytesView)
    }
    let change = try SoukCatalogV1.CatalogChange(decoding: joined)
    guard case .product(let product) = change.subject else {
      Issue.record("no product in \(change)")
      return
    }
    #expect(change.revision == 814)
    #expect(product.title?.ar == "عسل الزعتر")
    #expect(product.stock == 40)
  }
}
