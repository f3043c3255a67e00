import SoukTestSupport
import SoukWire
import Testing

/// Throws random and mutated inputs at the decoder: no input may trap, every failure is a typed error whose
/// offset lies inside the input, and every success re-encodes canonically.
@Suite("Fuzz-style decoding")
struct FuzzStyleTests {
  static let iterations = 100_000

  /// Valid encodings the mutations start from.
  static let seeds: [[UInt8]] = {
    var seeds = [
      Samples.product.encodedBytes(), Samples.scalars.encodedBytes(),
      Samples.chain(depth: 6).encodedBytes(),
    ]
    var small = SoukFixtureV1.Product()
    small.counts = ["a": 1]
    small.prices = [3: SoukFixtureV1.Money()]
    small.ratings = [1, 2]
    seeds.append(small.encodedBytes())
    return seeds
  }()

  @Test("100,000 random and mutated inputs: no trap, only typed errors with in-range offsets")
  func randomAndMutatedInputs() {
    var random = SplitMix64(seed: 0x50_55_4B_57_49_52_45)
    var outcomes = (decoded: 0, failed: 0)
    for iteration in 0..<Self.iterations {
      let input = Self.makeInput(iteration: iteration, random: &random)
      switch iteration % 3 {
      case 0: Self.check(SoukFixtureV1.Product.self, input, &outcomes)
      case 1: Self.check(SoukFixtureV1.Scalars.self, input, &outcomes)
      default: Self.check(SoukFixtureV1.Node.self, input, &outcomes)
      }
    }
    // Both paths must be exercised, or the mutations are too weak or too strong to test anything.
    #expect(outcomes.decoded > Self.iterations / 20)
    #expect(outcomes.failed > Self.iterations / 20)
  }

  static func check<M: WireMessage>(
    _ type: M.Type,
    _ input: [UInt8],
    _ outcomes: inout (decoded: Int, failed: Int)
  ) {
    let limits = DecodingLimits(
      maxMessageBytes: 1 << 16,
      maxDepth: 16,
      maxCollectionElements: 10_000
    )
    do throws(WireDecodingError) {
      let message = try M(decoding: input, limits: limits)
      outcomes.decoded += 1
      // A decoded message re-encodes canonically: decoding that and encoding again gives the same bytes.
      let canonical = message.encodedBytes()
      #expect(canonical.count == message.encodedSize())
      let again = try M(decoding: canonical, limits: .default)
      #expect(again.encodedBytes() == canonical)
    } catch {
      outcomes.failed += 1
      #expect(error.offset >= 0 && error.offset <= input.count)
      #expect(!error.message.isEmpty)
    }
  }

  private static func makeInput(iteration: Int, random: inout SplitMix64) -> [UInt8] {
    let seed = Self.seeds[Int.random(in: 0..<Self.seeds.count, using: &random)]
    switch iteration % 8 {
    case 0:
      return (0..<Int.random(in: 0...64, using: &random)).map { _ in
        UInt8.random(in: 0...255, using: &random)
      }
    case 1:
      return Self.flipBits(seed, count: Int.random(in: 1...4, using: &random), random: &random)
    case 2:
      return Array(seed.prefix(Int.random(in: 0...seed.count, using: &random)))
    case 3:
      return Self.corruptLength(seed, random: &random)
    case 4:
      let other = Self.seeds[Int.random(in: 0..<Self.seeds.count, using: &random)]
      let cut = Int.random(in: 0...seed.count, using: &random)
      let otherCut = Int.random(in: 0...other.count, using: &random)
      return Array(seed[..<cut] + other[otherCut...])
    case 5:
      var bytes = seed
      let position = Int.random(in: 0...bytes.count, using: &random)
      let inserted = (0..<Int.random(in: 1...8, using: &random)).map { _ in
        UInt8.random(in: 0...255, using: &random)
      }
      bytes.insert(contentsOf: inserted, at: position)
      return bytes
    case 6:
      var bytes = seed
      guard !bytes.isEmpty else { return bytes }
      let start = Int.random(in: 0..<bytes.count, using: &random)
      let end = Int.random(in: start...Swift.min(bytes.count, start + 16), using: &random)
      bytes.removeSubrange(start..<end)
      return bytes
    default:
      var bytes = Self.flipBits(seed, count: 1, random: &random)
      bytes = Self.corruptLength(bytes, random: &random)
      return Array(bytes.prefix(Int.random(in: 0...bytes.count, using: &random)))
    }
  }

  private static func flipBits(_ seed: [UInt8], count: Int, random: inout SplitMix64) -> [UInt8] {
    var bytes = seed
    guard !bytes.isEmpty else { return bytes }
    for _ in 0..<count {
      let index = Int.random(in: 0..<bytes.count, using: &random)
      bytes[index] ^= 1 << UInt8.random(in: 0...7, using: &random)
    }
    return bytes
  }

  /// Replaces a byte (often a length prefix in these seeds) with a small, large, or huge varint.
  private static func corruptLength(_ seed: [UInt8], random: inout SplitMix64) -> [UInt8] {
    var bytes = seed
    guard !bytes.isEmpty else { return bytes }
    let index = Int.random(in: 0..<bytes.count, using: &random)
    let replacements: [[UInt8]] = [
      [UInt8.random(in: 0...0x7F, using: &random)],
      [0xFF, 0x7F],
      [0xFF, 0xFF, 0xFF, 0xFF, 0x0F],
      [0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01],
      [0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x01],
    ]
    bytes.replaceSubrange(
      index...index,
      with: replacements[Int.random(in: 0..<replacements.count, using: &random)]
    )
    return bytes
  }
}
