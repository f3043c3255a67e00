import NIOCore
import SoukRPC
import SoukTestSupport
import Testing

/// The frame codec's varints: SPEC 3.3's LEB128, at most 10 bytes, never trapping on bad input.
@Suite("ByteBuffer varints")
struct VarintTests {
  @Test(
    "values round-trip in the minimal form",
    arguments: [
      (UInt64(0), "00"), (1, "01"), (127, "7f"), (128, "80 01"), (300, "ac 02"), (1_500_000, "e0 c6 5b"),
      (UInt64.max, "ff ff ff ff ff ff ff ff ff 01"),
    ] as [(UInt64, String)]
  )
  func roundTrip(value: UInt64, hex: String) throws {
    var buffer = ByteBuffer()
    let written = buffer.writeVarint(value)
    #expect(Hex.string(Array(buffer.readableBytesView)) == hex)
    #expect(written == buffer.readableBytes)
    #expect(try buffer.readVarint() == value)
    #expect(buffer.readableBytes == 0)
  }

  @Test("non-minimal forms are accepted")
  func nonMinimal() throws {
    var buffer = ByteBuffer(bytes: [0x81, 0x80, 0x80, 0x00, 0x42])
    #expect(try buffer.readVarint() == 1)
    #expect(buffer.readableBytes == 1)
  }

  @Test(
    "bad varints throw and leave the reader index where it was",
    arguments: [
      ("", VarintError.truncated),
      ("80", .truncated),
      ("ff ff ff ff ff ff ff ff ff", .truncated),
      ("ff ff ff ff ff ff ff ff ff 02", .malformed),
      ("80 80 80 80 80 80 80 80 80 80 00", .malformed),
      ("ff ff ff ff ff ff ff ff ff 81 00", .malformed),
    ]
  )
  func bad(hex: String, error: VarintError) {
    var buffer = ByteBuffer(bytes: [UInt8](hex: hex))
    #expect(throws: error) { try buffer.readVarint() }
    #expect(buffer.readerIndex == 0)
  }
}
