import NIOCore
import NIOTestUtils
import SoukRPC
import SoukTestSupport
import Testing

/// Every frame type goes through the encoder and back through the decoder unchanged, however the bytes are cut.
@Suite("Frame round trips")
struct FrameRoundTripTests {
  @Test("each sample frame decodes to itself, all at once and byte by byte", arguments: SampleFrames.all)
  func roundTrip(frame: Frame) {
    let bytes = FrameStream.encode([frame])
    let allAtOnce = FrameStream.decode(bytes, expectsPreface: false)
    #expect(allAtOnce.error == nil)
    #expect(allAtOnce.frames == [frame])
    #expect(allAtOnce.leftoverBytes == 0)
    let byteByByte = FrameStream.decode(bytes, expectsPreface: false, chunkSize: { 1 })
    #expect(byteByByte.frames == [frame])
    #expect(byteByByte.error == nil)
  }

  @Test("every frame type is covered by the samples")
  func everyTypeCovered() {
    #expect(Set(SampleFrames.all.map(\.type)) == Set(FrameType.allCases))
  }

  @Test("NIOTestUtils' verifier: byte by byte, in batches, with and without EOF")
  func verifier() throws {
    let pairs = SampleFrames.all.map { frame in (ByteBuffer(bytes: FrameStream.encode([frame])), [frame]) }
    let twoFrames = Array(SampleFrames.all.prefix(6))
    try ByteToMessageDecoderVerifier.verifyDecoder(
      inputOutputPairs: pairs + [(ByteBuffer(bytes: FrameStream.encode(twoFrames)), twoFrames)],
      decoderFactory: { FrameDecoder(expectsPreface: false, limits: FrameDecoder.Limits()) }
    )
  }

  @Test("a server's decoder reads the preface, then frames; a stream decodes the same in any chunking")
  func prefaceThenFrames() {
    let frames = SampleFrames.all
    let bytes = FrameStream.encode(frames, preface: true)
    #expect(Array(bytes.prefix(8)) == [0x53, 0x4F, 0x55, 0x4B, 0x2F, 0x31, 0x0D, 0x0A])
    for chunk in [1, 2, 7, 10, 11, 64, 4_096] {
      let outcome = FrameStream.decode(bytes, expectsPreface: true, chunkSize: { chunk })
      #expect(outcome.error == nil, "chunks of \(chunk)")
      #expect(outcome.frames == frames, "chunks of \(chunk)")
      #expect(outcome.leftoverBytes == 0)
    }
  }

  @Test("a frame waits for its whole payload, and a partial one stays in the buffer")
  func partialFrame() {
    let bytes = FrameStream.encode([SampleFrames.all[3]])
    for cut in [0, 1, 9, 10, bytes.count - 1] {
      let outcome = FrameStream.decode(Array(bytes.prefix(cut)), expectsPreface: false)
      #expect(outcome.frames.isEmpty)
      #expect(outcome.error == nil)
      #expect(outcome.leftoverBytes == cut)
    }
  }

  @Test("a MESSAGE payload is a slice of the received buffer, not a copy")
  func messagePayloadIsASlice() throws {
    var buffer = ByteBuffer()
    buffer.writeFrame(Frame(streamID: 1, payload: .message(ByteBuffer(repeating: 7, count: 1_000), more: false)))
    var decoder = FrameDecoder(expectsPreface: false, limits: FrameDecoder.Limits())
    let frame = try #require(try decoder.decode(buffer: &buffer))
    guard case .message(let payload, more: false) = frame.payload else {
      Issue.record("not a MESSAGE: \(frame)")
      return
    }
    let payloadAddress = payload.withUnsafeReadableBytes { UInt(bitPattern: $0.baseAddress) }
    let bufferPayloadAddress = buffer.withUnsafeReadableBytes { UInt(bitPattern: $0.baseAddress) } - 1_000
    #expect(payloadAddress == bufferPayloadAddress)
  }

  @Test("the header is big-endian: length, type, flags, stream id")
  func headerLayout() {
    let bytes = FrameStream.encode([Frame(streamID: 0x0102_0304, payload: .message(ByteBuffer(bytes: [9]), more: true))]
    )
    #expect(Hex.string(bytes) == "00 00 00 01 02 01 01 02 03 04 09")
  }

  @Test("flags a type does not define are ignored")
  func liberalReceiver() {
    // MESSAGE with flags 0xfe (MORE not set) and a PING with flags 0x80 (ACK not set).
    let bytes = [UInt8](hex: "00 00 00 00 02 fe 00 00 00 01  00 00 00 08 07 80 00 00 00 00 00 00 00 00 00 00 00 2a")
    let outcome = FrameStream.decode(bytes, expectsPreface: false)
    #expect(
      outcome.frames == [
        Frame(streamID: 1, payload: .message(ByteBuffer(), more: false)),
        Frame(streamID: 0, payload: .ping(data: 42, ack: false)),
      ]
    )
  }
}
