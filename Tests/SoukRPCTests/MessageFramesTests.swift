import NIOCore
import SoukAPI
import SoukRPC
import SoukTestSupport
import SoukWire
import Testing

/// `writeMessageFrames` encodes a message straight after its frame header, and splits one larger than the peer's
/// `maxFrameBytes` into MORE frames that join back to the encoding.
@Suite("Message frames")
struct MessageFramesTests {
  /// A product whose encoding is `size`-ish bytes, mostly its description.
  static func product(descriptionBytes: Int) -> SoukCatalogV1.Product {
    var product = SoukCatalogV1.Product()
    product.id = "p_1"
    product.stock = 12
    var description = SoukCommonV1.LocalizedText()
    description.fr = String(repeating: "huile d'argan ", count: descriptionBytes / 14 + 1)
    product.description = description
    return product
  }

  @Test("a message that fits is one MESSAGE frame: the header, then exactly its encoding")
  func oneFrame() {
    let product = Self.product(descriptionBytes: 100)
    var buffer = ByteBuffer()
    buffer.writeMessageFrames(streamID: 5, message: product, maxFrameBytes: 16_384)
    let encoding = product.encodedBytes()
    var header = ByteBuffer()
    header.writeInteger(UInt32(encoding.count))
    header.writeBytes([0x02, 0x00, 0x00, 0x00, 0x00, 0x05])
    #expect(Array(buffer.readableBytesView) == Array(header.readableBytesView) + encoding)
  }

  @Test("an empty message is one MESSAGE frame with an empty payload")
  func emptyMessage() {
    var buffer = ByteBuffer()
    buffer.writeMessageFrames(streamID: 1, message: SoukCatalogV1.Product(), maxFrameBytes: 16_384)
    #expect(Hex.string(Array(buffer.readableBytesView)) == "00 00 00 00 02 00 00 00 00 01")
  }

  @Test(
    "a larger message becomes MORE frames of at most maxFrameBytes that join to its encoding",
    arguments: [(1_000, 16), (1_000, 100), (40_000, 16_384), (16_384 * 3, 16_384), (5, 4), (1_000, 1)]
  )
  func split(descriptionBytes: Int, maxFrameBytes: Int) throws {
    let product = Self.product(descriptionBytes: descriptionBytes)
    let encoding = product.encodedBytes()
    var buffer = ByteBuffer(bytes: [0xEE, 0xEE])  // bytes before the frames stay as they are
    buffer.moveReaderIndex(forwardBy: 1)
    buffer.writeMessageFrames(streamID: 7, message: product, maxFrameBytes: maxFrameBytes)
    #expect(buffer.readInteger(as: UInt8.self) == 0xEE)
    let bytes = Array(buffer.readableBytesView)
    let outcome = FrameStream.decode(bytes, expectsPreface: false)
    #expect(outcome.error == nil)
    #expect(outcome.leftoverBytes == 0)
    let expectedCount = (encoding.count + maxFrameBytes - 1) / maxFrameBytes
    #expect(outcome.frames.count == expectedCount)
    var joined: [UInt8] = []
    for (index, frame) in outcome.frames.enumerated() {
      #expect(frame.streamID == 7)
      guard case .message(let part, let more) = frame.payload else {
        Issue.record("frame \(index) is not a MESSAGE")
        continue
      }
      #expect(more == (index < expectedCount - 1))
      #expect(part.readableBytes <= maxFrameBytes)
      if index < expectedCount - 1 { #expect(part.readableBytes == maxFrameBytes) }
      joined += Array(part.readableBytesView)
    }
    #expect(joined == encoding)
    #expect(try SoukCatalogV1.Product(decoding: joined) == product)
  }
}
