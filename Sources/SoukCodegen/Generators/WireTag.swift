/// A record's tag, `(fieldNumber << 3) | wireType`, as generated code spells it.
struct WireTag: Hashable {
  /// The wire types of the record layout.
  enum WireType: UInt32 {
    case varint = 0
    case fixed64 = 1
    case lengthDelimited = 2
    case fixed32 = 5
  }

  var value: UInt32

  init(number: Int, wireType: WireType) {
    // Field numbers are at most 2^29 - 1 (checked by the schema compiler), so the shift fits in 32 bits.
    value = UInt32(truncatingIfNeeded: number) << 3 | wireType.rawValue
  }

  /// How many bytes the tag takes as a varint.
  var byteCount: Int {
    var count = 1
    var rest = value >> 7
    while rest != 0 {
      count += 1
      rest >>= 7
    }
    return count
  }

  /// The literal: hex for one-byte tags (`0x0A`), decimal for longer ones (`130`), so that a reader never
  /// mistakes a multi-byte tag's value for its first byte.
  var literal: String {
    guard value < 0x80 else { return IntegerLiteral.decimal(value) }
    let hex = String(value, radix: 16, uppercase: true)
    return "0x" + (hex.count < 2 ? "0" + hex : hex)
  }
}
