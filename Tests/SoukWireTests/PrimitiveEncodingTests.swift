import SoukTestSupport
import SoukWire
import Testing

@Suite("Primitive encodings")
struct PrimitiveEncodingTests {
  private func scalars(_ configure: (inout SoukFixtureV1.Scalars) -> Void) -> SoukFixtureV1.Scalars {
    var value = SoukFixtureV1.Scalars()
    configure(&value)
    return value
  }

  @Test(
    "uint64 varints are minimal at every length boundary",
    arguments: [
      (UInt64(1), "28 01"),
      (UInt64(127), "28 7f"),
      (128, "28 80 01"),
      (300, "28 ac 02"),
      (16_383, "28 ff 7f"),
      (16_384, "28 80 80 01"),
      (UInt64(UInt32.max), "28 ff ff ff ff 0f"),
      (UInt64(1) << 63, "28 80 80 80 80 80 80 80 80 80 01"),
      (UInt64.max, "28 ff ff ff ff ff ff ff ff ff 01"),
    ]
  )
  func varintBoundaries(value: UInt64, hex: String) throws {
    let message = scalars { $0.u64 = value }
    #expect(message.encodedBytes() == [UInt8](hex: hex))
    #expect(message.encodedSize() == [UInt8](hex: hex).count)
    #expect(try SoukFixtureV1.Scalars(decoding: [UInt8](hex: hex)) == message)
  }

  @Test("WireSize.varint matches the bytes written for 1 to 10 byte varints")
  func varintSizes() {
    for bits in 0...64 {
      let value: UInt64 = bits == 0 ? 0 : (UInt64.max >> (64 - bits))
      let expected = Swift.max(1, (bits + 6) / 7)
      #expect(WireSize.varint(value) == expected, "\(bits) bits")
    }
  }

  @Test(
    "int64 uses zigzag",
    arguments: [
      (Int64(-1), "18 01"),
      (Int64(1), "18 02"),
      (-2, "18 03"),
      (-300, "18 d7 04"),
      (Int64.max, "18 fe ff ff ff ff ff ff ff ff 01"),
      (Int64.min, "18 ff ff ff ff ff ff ff ff ff 01"),
    ]
  )
  func zigzag64(value: Int64, hex: String) throws {
    let message = scalars { $0.i64 = value }
    #expect(message.encodedBytes() == [UInt8](hex: hex))
    #expect(try SoukFixtureV1.Scalars(decoding: [UInt8](hex: hex)).i64 == value)
  }

  @Test(
    "int32 uses zigzag and stays within 5 bytes",
    arguments: [
      (Int32(-1), "10 01"),
      (Int32(1), "10 02"),
      (-64, "10 7f"),
      (64, "10 80 01"),
      (Int32.max, "10 fe ff ff ff 0f"),
      (Int32.min, "10 ff ff ff ff 0f"),
    ]
  )
  func zigzag32(value: Int32, hex: String) throws {
    let message = scalars { $0.i32 = value }
    #expect(message.encodedBytes() == [UInt8](hex: hex))
    #expect(try SoukFixtureV1.Scalars(decoding: [UInt8](hex: hex)).i32 == value)
  }

  @Test("min and max of every integer type round-trip, singular and optional")
  func integerExtremes() throws {
    for pick in [false, true] {
      let message = scalars {
        $0.i32 = pick ? .max : .min
        $0.i64 = pick ? .max : .min
        $0.u32 = pick ? .max : 1
        $0.u64 = pick ? .max : 1
        $0.oi32 = pick ? .max : .min
        $0.oi64 = pick ? .max : .min
        $0.ou32 = pick ? .max : .min
        $0.ou64 = pick ? .max : .min
      }
      let decoded = try SoukFixtureV1.Scalars(decoding: message.encodedBytes())
      #expect(decoded == message)
    }
  }

  @Test("uint32 max is 5 bytes, bool is 0/1 and any non-zero decodes as true")
  func boolAndUInt32() throws {
    #expect(scalars { $0.u32 = .max }.encodedBytes() == [UInt8](hex: "20 ff ff ff ff 0f"))
    #expect(scalars { $0.b = true }.encodedBytes() == [UInt8](hex: "08 01"))
    #expect(scalars { $0.ob = false }.encodedBytes() == [UInt8](hex: "58 00"))
    #expect(try SoukFixtureV1.Scalars(decoding: [UInt8](hex: "08 02")).b)
    #expect(try SoukFixtureV1.Scalars(decoding: [UInt8](hex: "08 80 80 80 80 80 80 80 80 80 01")).b)
  }

  @Test("over-long varints are accepted on decode, re-encoded minimally")
  func overlongVarints() throws {
    let decoded = try SoukFixtureV1.Scalars(decoding: [UInt8](hex: "28 81 80 80 80 00"))
    #expect(decoded.u64 == 1)
    #expect(decoded.encodedBytes() == [UInt8](hex: "28 01"))
    let overlongTag = try SoukFixtureV1.Scalars(decoding: [UInt8](hex: "a8 80 00 05"))
    #expect(overlongTag.u64 == 5)
  }

  @Test(
    "floats are 4 little-endian bytes; +0.0 is omitted, -0.0, NaN and infinities are written",
    arguments: [
      (Float(1.5), "35 00 00 c0 3f"),
      (Float(-0.0), "35 00 00 00 80"),
      (Float.infinity, "35 00 00 80 7f"),
      (-Float.infinity, "35 00 00 80 ff"),
      (Float.nan, "35 00 00 c0 7f"),
      (Float.leastNonzeroMagnitude, "35 01 00 00 00"),
      (Float.greatestFiniteMagnitude, "35 ff ff 7f 7f"),
    ]
  )
  func floats(value: Float, hex: String) throws {
    let message = scalars { $0.f = value }
    #expect(message.encodedBytes() == [UInt8](hex: hex))
    let decoded = try SoukFixtureV1.Scalars(decoding: [UInt8](hex: hex))
    #expect(decoded.f.bitPattern == value.bitPattern)
  }

  @Test(
    "doubles are 8 little-endian bytes; -0.0, NaN and infinities round-trip bit for bit",
    arguments: [
      (Double(1.5), "39 00 00 00 00 00 00 f8 3f"),
      (Double(-0.0), "39 00 00 00 00 00 00 00 80"),
      (Double.infinity, "39 00 00 00 00 00 00 f0 7f"),
      (-Double.infinity, "39 00 00 00 00 00 00 f0 ff"),
      (Double.nan, "39 00 00 00 00 00 00 f8 7f"),
      (Double(bitPattern: 0x7FF0_0000_0000_0001), "39 01 00 00 00 00 00 f0 7f"),
    ]
  )
  func doubles(value: Double, hex: String) throws {
    let message = scalars { $0.d = value }
    #expect(message.encodedBytes() == [UInt8](hex: hex))
    let decoded = try SoukFixtureV1.Scalars(decoding: [UInt8](hex: hex))
    #expect(decoded.d.bitPattern == value.bitPattern)
  }

  @Test("+0.0 is the default and is not written; an optional +0.0 is")
  func positiveZero() {
    #expect(
      scalars {
        $0.f = 0
        $0.d = 0
      }.encodedBytes() == []
    )
    #expect(scalars { $0.of = 0 }.encodedBytes() == [UInt8](hex: "85 01 00 00 00 00"))
  }

  @Test(
    "strings are UTF-8, copied as they are",
    arguments: [
      ("", ""),
      ("a", "42 01 61"),
      ("زيت أركان", "42 11 d8 b2 d9 8a d8 aa 20 d8 a3 d8 b1 d9 83 d8 a7 d9 86"),
      ("pressée", "42 08 70 72 65 73 73 c3 a9 65"),
      ("🫒", "42 04 f0 9f ab 92"),
      ("\u{0}", "42 01 00"),
    ]
  )
  func strings(value: String, hex: String) throws {
    let message = scalars { $0.s = value }
    #expect(message.encodedBytes() == [UInt8](hex: hex))
    #expect(try SoukFixtureV1.Scalars(decoding: [UInt8](hex: hex)).s == value)
  }

  @Test("a long string gets a multi-byte length prefix")
  func longString() throws {
    let text = String(repeating: "زيت ", count: 100)
    let message = scalars { $0.s = text }
    let bytes = message.encodedBytes()
    #expect(Array(bytes.prefix(3)) == [0x42, 0xBC, 0x05])
    #expect(bytes.count == 3 + 700)
    #expect(try SoukFixtureV1.Scalars(decoding: bytes).s == text)
  }

  @Test(
    "invalid UTF-8 is rejected, never repaired",
    arguments: [
      "c3 28", "ed a0 80", "f8 88 80 80 80", "c0 af", "e2 82", "ff",
      // A truncated 4-byte sequence before an ASCII byte: repairing it gives the same length.
      "f0 9f ab 41",
      // Invalid bytes after 8-byte blocks of valid ASCII and of valid Arabic.
      "61 62 63 64 65 66 67 68 69 6a 6b 6c 6d 6e 6f 70 80",
      "d8 b2 d9 8a d8 aa d8 b2 d9 8a d8 aa d8 b2 d9 8a ed bf bf d9",
    ]
  )
  func invalidUTF8(payload: String) {
    let body = [UInt8](hex: payload)
    let error = decodingError(SoukFixtureV1.Scalars.self, [0x42, UInt8(body.count)] + body)
    #expect(error?.code == .invalidUTF8)
    #expect(error?.offset == 2)
  }

  @Test("bytes fields keep every byte value")
  func bytesValues() throws {
    let all = (0...255).map { UInt8($0) }
    let message = scalars { $0.raw = all }
    let encoded = message.encodedBytes()
    #expect(Array(encoded.prefix(3)) == [0x4A, 0x80, 0x02])
    #expect(try SoukFixtureV1.Scalars(decoding: encoded).raw == all)
  }

  @Test("enums: the number as a uint32 varint; unknown numbers are kept and written back")
  func enums() throws {
    #expect(scalars { $0.e = .paused }.encodedBytes() == [UInt8](hex: "50 02"))
    let unknown = try SoukFixtureV1.Scalars(decoding: [UInt8](hex: "50 e7 07"))
    #expect(unknown.e == .unrecognized(999))
    #expect(unknown.encodedBytes() == [UInt8](hex: "50 e7 07"))
    let top = try SoukFixtureV1.Scalars(decoding: [UInt8](hex: "50 ff ff ff ff 0f"))
    #expect(top.e == .unrecognized(-1))
    #expect(top.encodedBytes() == [UInt8](hex: "50 ff ff ff ff 0f"))
    #expect(scalars { $0.oe = .unspecified }.encodedBytes() == [UInt8](hex: "a0 01 00"))
  }

  @Test("WireSize agrees with the writer for every type")
  func sizesAgree() {
    let value = Samples.scalars
    #expect(value.encodedSize() == value.encodedBytes().count)
    #expect(WireSize.bool(true) == 1)
    #expect(WireSize.float(1) == 4)
    #expect(WireSize.double(1) == 8)
    #expect(WireSize.string("زيت") == 7)
    #expect(WireSize.bytes([1, 2]) == 3)
    #expect(WireSize.int32(-1) == 1)
    #expect(WireSize.int32(.min) == 5)
    #expect(WireSize.int64(.min) == 10)
    #expect(WireSize.uint32(.max) == 5)
    #expect(WireSize.uint64(.max) == 10)
    #expect(WireSize.enumValue(SoukFixtureV1.Status.unrecognized(-1)) == 5)
    #expect(WireSize.packedBool([true, false]) == 3)
    #expect(WireSize.packedInt32([-1, 64]) == 4)
    #expect(WireSize.packedInt64([Int64.min]) == 11)
    #expect(WireSize.packedUInt32([128]) == 3)
    #expect(WireSize.packedUInt64([UInt64.max]) == 11)
    #expect(WireSize.packedFloat([1, 2]) == 9)
    #expect(WireSize.packedDouble([1, 2]) == 17)
    #expect(WireSize.packedEnum([SoukFixtureV1.Status.active]) == 2)
    var money = SoukFixtureV1.Money()
    money.currency = "MAD"
    #expect(WireSize.message(money) == 6)
    #expect(WireSize.message(SoukFixtureV1.Money()) == 1)
  }

  @Test("wire types have the numbers of the record layout")
  func wireTypes() {
    #expect(WireType.allCases.map(\.rawValue) == [0, 1, 2, 5])
  }
}
