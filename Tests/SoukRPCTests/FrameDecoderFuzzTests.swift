import NIOCore
import SoukRPC
import SoukTestSupport
import Testing

/// Thousands of random and mutated frame streams, from a seeded generator so that every run feeds the same
/// bytes: the decoder never traps, the way the bytes are cut never changes the outcome, and every frame it accepts
/// can be written again and reads back the same.
@Suite("Frame decoder fuzzing")
struct FrameDecoderFuzzTests {
  /// Values that sit on the edges of the header's fields.
  static let interestingLengths: [UInt32] = [0, 1, 3, 4, 6, 7, 8, 9, 16_384, 65_536, 65_537, 0x7FFF_FFFF, .max]
  static let interestingStreams: [UInt32] = [0, 1, 2, 3, 0x7FFF_FFFF, 0x8000_0000, .max]

  /// A stream of valid frames, then mutated in one to four ways.
  static func mutatedStream(_ random: inout SplitMix64) -> (bytes: [UInt8], preface: Bool) {
    let samples = SampleFrames.all
    let preface = Bool.random(using: &random)
    let frames = (0..<Int.random(in: 1...5, using: &random)).map { _ in samples.randomElement(using: &random)! }
    var bytes = FrameStream.encode(frames, preface: preface)
    for _ in 0..<Int.random(in: 0...4, using: &random) {
      guard !bytes.isEmpty else { break }
      let index = Int.random(in: 0..<bytes.count, using: &random)
      switch Int.random(in: 0..<7, using: &random) {
      case 0: bytes[index] ^= UInt8(1) << UInt8.random(in: 0...7, using: &random)
      case 1: bytes[index] = UInt8.random(in: 0...255, using: &random)
      case 2: bytes.insert(UInt8.random(in: 0...255, using: &random), at: index)
      case 3: bytes.remove(at: index)
      case 4: bytes.removeLast(Int.random(in: 0...min(bytes.count, 12), using: &random))
      case 5: Self.overwrite(&bytes, at: index, with: Self.interestingLengths.randomElement(using: &random)!)
      default: Self.overwrite(&bytes, at: index, with: Self.interestingStreams.randomElement(using: &random)!)
      }
    }
    return (bytes, preface)
  }

  /// Writes `value` big-endian at `index`, as far as the bytes go.
  static func overwrite(_ bytes: inout [UInt8], at index: Int, with value: UInt32) {
    for offset in 0..<4 where index + offset < bytes.count {
      bytes[index + offset] = UInt8(truncatingIfNeeded: value >> (24 - 8 * UInt32(offset)))
    }
  }

  /// Checks one input: the same outcome in one piece and in random pieces; accepted frames write and read back.
  static func check(_ bytes: [UInt8], preface: Bool, limits: FrameDecoder.Limits, random: inout SplitMix64) {
    let whole = FrameStream.decode(bytes, expectsPreface: preface, limits: limits)
    var chunkRandom = SplitMix64(seed: random.next())
    let pieces = FrameStream.decode(
      bytes,
      expectsPreface: preface,
      limits: limits,
      chunkSize: { Int.random(in: 1...32, using: &chunkRandom) }
    )
    #expect(whole.frames == pieces.frames)
    #expect(whole.error == pieces.error)
    if whole.error == nil {
      #expect(whole.leftoverBytes == pieces.leftoverBytes)
    }
    for frame in whole.frames {
      if case .streamError = frame.payload { continue }
      let again = FrameStream.decode(FrameStream.encode([frame]), expectsPreface: false, limits: limits)
      #expect(again.frames == [frame], "\(frame) does not survive writing and reading")
    }
  }

  @Test("5,000 mutated streams of valid frames")
  func mutatedStreams() {
    var random = SplitMix64(seed: 0x50_0C)
    for round in 0..<5_000 {
      let (bytes, preface) = Self.mutatedStream(&random)
      let limits =
        round.isMultiple(of: 3)
        ? FrameDecoder.Limits(maxFrameBytes: 16_384, maxMetadataBytes: 24)
        : FrameDecoder.Limits()
      Self.check(bytes, preface: preface, limits: limits, random: &random)
    }
  }

  @Test("3,000 streams of random bytes behind a valid header of each type")
  func randomPayloads() {
    var random = SplitMix64(seed: 0xF4A3)
    for _ in 0..<3_000 {
      let type = UInt8.random(in: 0...0x0A, using: &random)
      let payload = (0..<Int.random(in: 0...40, using: &random)).map { _ in UInt8.random(in: 0...255, using: &random) }
      var buffer = ByteBuffer()
      buffer.writeInteger(UInt32(payload.count))
      buffer.writeInteger(type)
      buffer.writeInteger(UInt8.random(in: 0...1, using: &random))
      buffer.writeInteger(Self.interestingStreams.prefix(5).randomElement(using: &random)!)
      buffer.writeBytes(payload)
      Self.check(Array(buffer.readableBytesView), preface: false, limits: FrameDecoder.Limits(), random: &random)
    }
  }

  @Test("2,000 streams of pure noise, with and without the preface expected")
  func noise() {
    var random = SplitMix64(seed: 0xBAD5EED)
    for round in 0..<2_000 {
      let bytes = (0..<Int.random(in: 0...64, using: &random)).map { _ in UInt8.random(in: 0...255, using: &random) }
      Self.check(bytes, preface: round.isMultiple(of: 2), limits: FrameDecoder.Limits(), random: &random)
    }
  }
}
