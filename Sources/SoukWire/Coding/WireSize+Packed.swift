extension WireSize {
  /// The size of a packed repeated bool field's value: length prefix plus one byte per element.
  @inlinable
  public static func packedBool(_ values: [Bool]) -> Int {
    Self.lengthDelimited(payload: values.count)
  }

  /// The size of a packed repeated int32 field's value: length prefix plus the zigzag varints.
  @inlinable
  public static func packedInt32(_ values: [Int32]) -> Int {
    Self.lengthDelimited(payload: Self.packedPayload(int32: values))
  }

  /// The size of a packed repeated int64 field's value: length prefix plus the zigzag varints.
  @inlinable
  public static func packedInt64(_ values: [Int64]) -> Int {
    Self.lengthDelimited(payload: Self.packedPayload(int64: values))
  }

  /// The size of a packed repeated uint32 field's value: length prefix plus the varints.
  @inlinable
  public static func packedUInt32(_ values: [UInt32]) -> Int {
    Self.lengthDelimited(payload: Self.packedPayload(uint32: values))
  }

  /// The size of a packed repeated uint64 field's value: length prefix plus the varints.
  @inlinable
  public static func packedUInt64(_ values: [UInt64]) -> Int {
    Self.lengthDelimited(payload: Self.packedPayload(uint64: values))
  }

  /// The size of a packed repeated float field's value: length prefix plus 4 bytes per element.
  @inlinable
  public static func packedFloat(_ values: [Float]) -> Int {
    Self.lengthDelimited(payload: values.count &* 4)
  }

  /// The size of a packed repeated double field's value: length prefix plus 8 bytes per element.
  @inlinable
  public static func packedDouble(_ values: [Double]) -> Int {
    Self.lengthDelimited(payload: values.count &* 8)
  }

  /// The size of a packed repeated enum field's value: length prefix plus the varints of the numbers.
  @inlinable
  public static func packedEnum<E: WireEnum>(_ values: [E]) -> Int {
    Self.lengthDelimited(payload: Self.packedPayload(enums: values))
  }

  @inlinable
  internal static func packedPayload(int32 values: [Int32]) -> Int {
    var total = 0
    for value in values { total &+= Self.varint(UInt64(ZigZag.encode32(value))) }
    return total
  }

  @inlinable
  internal static func packedPayload(int64 values: [Int64]) -> Int {
    var total = 0
    for value in values { total &+= Self.varint(ZigZag.encode64(value)) }
    return total
  }

  @inlinable
  internal static func packedPayload(uint32 values: [UInt32]) -> Int {
    var total = 0
    for value in values { total &+= Self.varint(UInt64(value)) }
    return total
  }

  @inlinable
  internal static func packedPayload(uint64 values: [UInt64]) -> Int {
    var total = 0
    for value in values { total &+= Self.varint(value) }
    return total
  }

  @inlinable
  internal static func packedPayload<E: WireEnum>(enums values: [E]) -> Int {
    var total = 0
    for value in values { total &+= Self.varint(UInt64(UInt32(bitPattern: value.rawValue))) }
    return total
  }
}
