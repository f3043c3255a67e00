/// The built-in value types of the schema language.
public enum ScalarType: String, Hashable, Sendable, CaseIterable {
  case bool
  /// Signed, zigzag varint on the wire.
  case int32
  /// Signed, zigzag varint on the wire.
  case int64
  case uint32
  case uint64
  /// IEEE 754 binary32, 4 bytes little-endian.
  case float
  /// IEEE 754 binary64, 8 bytes little-endian.
  case double
  /// UTF-8 text, validated when decoded.
  case string
  case bytes

  /// Whether a value of this type may be a map key.
  public var isValidMapKey: Bool {
    switch self {
    case .bool, .int32, .int64, .uint32, .uint64, .string: true
    case .float, .double, .bytes: false
    }
  }

  /// Whether repeated values of this type are packed into one length-delimited record.
  public var isPackable: Bool {
    switch self {
    case .string, .bytes: false
    default: true
    }
  }
}
