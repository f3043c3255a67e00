import SoukSchema

/// How one value — a singular field, an element of a repeated field, a map key or value, a one-of member — is
/// declared in Swift and sized, written and read through SoukWire.
struct ValueCoding {
  enum Category {
    case scalar(ScalarType)
    case enumeration
    case message
  }

  var category: Category
  /// The Swift type, fully qualified for declared types: `Int64`, `[UInt8]`, `SoukCatalogV1.Status`.
  var swiftType: String
  /// The Swift expression of the default value: `0`, `""`, `.unspecified`, `SoukCommonV1.Money()`.
  var defaultValue: String
  var wireType: WireTag.WireType

  /// The coding of a field type that is not a map.
  init(_ type: FieldType, context: GeneratorContext) {
    switch type {
    case .scalar(let scalar):
      category = .scalar(scalar)
      swiftType = Self.swiftType(of: scalar)
      defaultValue = Self.defaultValue(of: scalar)
      wireType = Self.wireType(of: scalar)
    case .enumeration(let name):
      category = .enumeration
      swiftType = SwiftNaming.qualifiedName(of: name)
      defaultValue = context.zeroCase(of: name)
      wireType = .varint
    case .message(let name):
      category = .message
      swiftType = SwiftNaming.qualifiedName(of: name)
      defaultValue = swiftType + "()"
      wireType = .lengthDelimited
    case .map:
      // The checked model never nests maps; a map's key and value get their own codings.
      preconditionFailure("a map has no single value coding")
    }
  }

  /// Whether repeated values are packed into one length-delimited record.
  var isPackable: Bool {
    switch category {
    case .scalar(let scalar): scalar.isPackable
    case .enumeration: true
    case .message: false
    }
  }

  /// The name part SoukWire uses for this type: `writeString`, `readUInt32`, `WireSize.packedEnum`.
  private var runtimeName: String {
    switch category {
    case .scalar(let scalar): Self.runtimeName(of: scalar)
    case .enumeration: "Enum"
    case .message: "Message"
    }
  }

  /// `WireSize.string(value)`: the encoded size of `value` without its tag.
  func size(_ value: String) -> String {
    switch category {
    case .scalar(let scalar): "WireSize.\(scalar.rawValue)(\(value))"
    case .enumeration: "WireSize.enumValue(\(value))"
    case .message: "WireSize.message(\(value))"
    }
  }

  /// `WireSize.packedInt32(values)`: the size of a packed record's length prefix and payload.
  func packedSize(_ values: String) -> String { "WireSize.packed\(runtimeName)(\(values))" }

  /// `writer.writeString(value)`.
  func write(_ value: String, writer: String = "writer") -> String { "\(writer).write\(runtimeName)(\(value))" }

  /// `writer.writePackedInt32(values)`.
  func writePacked(_ values: String) -> String { "writer.writePacked\(runtimeName)(\(values))" }

  /// `try reader.readString()`; not for messages, which are read in place.
  func read(reader: String = "reader") -> String { "try \(reader).read\(runtimeName)()" }

  /// `try reader.readString(appendingTo: &values)`: one more element of a repeated field.
  func readElement(appendingTo values: String) -> String {
    "try reader.read\(runtimeName)(appendingTo: &\(values))"
  }

  /// `try reader.readPackedInt32(appendingTo: &values)`.
  func readPacked(appendingTo values: String) -> String {
    "try reader.readPacked\(runtimeName)(appendingTo: &\(values))"
  }

  /// The condition under which a singular (no presence) value differs from its default and so is written.
  ///
  /// Floating-point values compare bit patterns: `-0.0` is written, `+0.0` is not.
  func isNotDefault(_ value: String) -> String {
    switch category {
    case .scalar(.bool): value
    case .scalar(.float), .scalar(.double): "\(value).bitPattern != 0"
    case .scalar(.string), .scalar(.bytes): "!\(value).isEmpty"
    case .scalar: "\(value) != 0"
    case .enumeration: "\(value) != \(defaultValue)"
    // Message fields always have presence and are never compared with a default.
    case .message: "true"
    }
  }

  private static func swiftType(of scalar: ScalarType) -> String {
    switch scalar {
    case .bool: "Bool"
    case .int32: "Int32"
    case .int64: "Int64"
    case .uint32: "UInt32"
    case .uint64: "UInt64"
    case .float: "Float"
    case .double: "Double"
    case .string: "String"
    case .bytes: "[UInt8]"
    }
  }

  private static func runtimeName(of scalar: ScalarType) -> String {
    switch scalar {
    case .bool: "Bool"
    case .int32: "Int32"
    case .int64: "Int64"
    case .uint32: "UInt32"
    case .uint64: "UInt64"
    case .float: "Float"
    case .double: "Double"
    case .string: "String"
    case .bytes: "Bytes"
    }
  }

  private static func defaultValue(of scalar: ScalarType) -> String {
    switch scalar {
    case .bool: "false"
    case .int32, .int64, .uint32, .uint64, .float, .double: "0"
    case .string: "\"\""
    case .bytes: "[]"
    }
  }

  private static func wireType(of scalar: ScalarType) -> WireTag.WireType {
    switch scalar {
    case .bool, .int32, .int64, .uint32, .uint64: .varint
    case .float: .fixed32
    case .double: .fixed64
    case .string, .bytes: .lengthDelimited
    }
  }
}
