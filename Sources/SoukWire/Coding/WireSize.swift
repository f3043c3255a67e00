/// The encoded size of single values, without their tag; generated `encodedSize()` methods add them up.
///
/// Every function returns exactly the number of bytes the matching ``WireWriter`` method writes.
public enum WireSize {
  /// The size of `value` as a minimal varint: 1 to 10 bytes.
  @inlinable
  public static func varint(_ value: UInt64) -> Int {
    // Bits needed (at least 1), divided by 7 rounded up, computed without a loop or a division:
    // ceil(bits / 7) == (bits * 9 + 64) / 64 for 1 ... 64 bits.
    let bits = 64 &- (value | 1).leadingZeroBitCount
    return (bits &* 9 &+ 64) &>> 6
  }

  /// The size of a bool: always 1.
  @inlinable
  public static func bool(_ value: Bool) -> Int { 1 }

  /// The size of a zigzag-encoded int32.
  @inlinable
  public static func int32(_ value: Int32) -> Int {
    Self.varint(UInt64(ZigZag.encode32(value)))
  }

  /// The size of a zigzag-encoded int64.
  @inlinable
  public static func int64(_ value: Int64) -> Int {
    Self.varint(ZigZag.encode64(value))
  }

  /// The size of a uint32 varint.
  @inlinable
  public static func uint32(_ value: UInt32) -> Int {
    Self.varint(UInt64(value))
  }

  /// The size of a uint64 varint.
  @inlinable
  public static func uint64(_ value: UInt64) -> Int {
    Self.varint(value)
  }

  /// The size of a float: always 4.
  @inlinable
  public static func float(_ value: Float) -> Int { 4 }

  /// The size of a double: always 8.
  @inlinable
  public static func double(_ value: Double) -> Int { 8 }

  /// The size of a string: its length prefix plus its UTF-8 bytes.
  @inlinable
  public static func string(_ value: String) -> Int {
    let count = value.utf8.count
    return Self.varint(UInt64(count)) &+ count
  }

  /// The size of a bytes value: its length prefix plus its bytes.
  @inlinable
  public static func bytes(_ value: [UInt8]) -> Int {
    Self.varint(UInt64(value.count)) &+ value.count
  }

  /// The size of an enum value: the varint of its number as a uint32.
  @inlinable
  public static func enumValue<E: WireEnum>(_ value: E) -> Int {
    Self.varint(UInt64(UInt32(bitPattern: value.rawValue)))
  }

  /// The size of a nested message: its length prefix plus `message.encodedSize()`.
  @inlinable
  public static func message<M: WireMessage>(_ message: M) -> Int {
    let size = message.encodedSize()
    return Self.varint(UInt64(size)) &+ size
  }

  /// The size of a length prefix plus `payload` bytes.
  @inlinable
  internal static func lengthDelimited(payload: Int) -> Int {
    Self.varint(UInt64(payload)) &+ payload
  }
}
