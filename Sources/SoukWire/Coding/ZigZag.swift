/// ZigZag mapping of signed integers to unsigned ones, so small negative numbers get short varints:
/// 0 -> 0, -1 -> 1, 1 -> 2, -2 -> 3, ...
@usableFromInline
internal enum ZigZag {
  @inlinable
  static func encode32(_ value: Int32) -> UInt32 {
    UInt32(bitPattern: (value &<< 1) ^ (value &>> 31))
  }

  @inlinable
  static func encode64(_ value: Int64) -> UInt64 {
    UInt64(bitPattern: (value &<< 1) ^ (value &>> 63))
  }

  @inlinable
  static func decode32(_ value: UInt32) -> Int32 {
    Int32(bitPattern: (value &>> 1) ^ (0 &- (value & 1)))
  }

  @inlinable
  static func decode64(_ value: UInt64) -> Int64 {
    Int64(bitPattern: (value &>> 1) ^ (0 &- (value & 1)))
  }
}
