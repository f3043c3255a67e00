import SoukSchema

/// Writes, straight from the schema model and independently of SoukWire, the canonical encoding of a message
/// in which every field is set to a non-default value: fields in ascending number, one member per one-of,
/// packed numeric arrays, map entries sorted by key with both key and value written. Nested messages stop at
/// ``maxDepth`` so self-referencing types stay finite.
struct SampleEncoder {
  static let maxDepth = 3

  private var messages: [TypeName: MessageDecl] = [:]
  private var enums: [TypeName: EnumDecl] = [:]

  init(schema: Schema) {
    for file in schema.files {
      for message in file.messages { index(message) }
      for declaration in file.enums { enums[declaration.name] = declaration }
    }
  }

  private mutating func index(_ message: MessageDecl) {
    messages[message.name] = message
    for nested in message.messages { index(nested) }
    for declaration in message.enums { enums[declaration.name] = declaration }
  }

  /// Every message of the schema by full name.
  var messagesByFullName: [String: MessageDecl] {
    Dictionary(uniqueKeysWithValues: messages.values.map { ($0.name.fullName, $0) })
  }

  func encode(_ message: MessageDecl, depth: Int = 0) -> [UInt8] {
    var out: [UInt8] = []
    var oneofsWritten: Set<String> = []
    for field in message.fieldsByNumber {
      if let oneof = field.oneof {
        guard oneofsWritten.insert(oneof).inserted else { continue }
      }
      encodeField(field, depth: depth, into: &out)
    }
    return out
  }

  private func encodeField(_ field: FieldDecl, depth: Int, into out: inout [UInt8]) {
    switch field.type {
    case .map(let key, let value):
      for keyBytes in sampleMapKeys(key) {
        guard let valueBytes = record(number: 2, type: value, depth: depth + 1, writeDefault: true) else { return }
        let entry = record(number: 1, scalar: key, payload: keyBytes) + valueBytes
        out += tag(field.number, wireType: 2) + varint(UInt64(entry.count)) + entry
      }
    case .scalar(let scalar) where field.label == .repeated && scalar.isPackable:
      let payload = sampleScalar(scalar) + sampleScalar(scalar)
      out += tag(field.number, wireType: 2) + varint(UInt64(payload.count)) + payload
    case .enumeration(let name) where field.label == .repeated:
      let payload = varint(UInt64(sampleEnumNumber(name))) + varint(0)
      out += tag(field.number, wireType: 2) + varint(UInt64(payload.count)) + payload
    default:
      let count = field.label == .repeated ? 2 : 1
      let writeDefault = field.label == .optional || field.oneof != nil
      for _ in 0..<count {
        if let bytes = record(number: field.number, type: field.type, depth: depth + 1, writeDefault: writeDefault) {
          out += bytes
        }
      }
    }
  }

  /// One record (tag and value) of a non-map type, or nil when it must not be written.
  private func record(number: Int, type: FieldType, depth: Int, writeDefault: Bool) -> [UInt8]? {
    switch type {
    case .scalar(let scalar):
      return record(number: number, scalar: scalar, payload: sampleScalar(scalar))
    case .enumeration(let name):
      let value = sampleEnumNumber(name)
      guard value != 0 || writeDefault else { return nil }
      return tag(number, wireType: 0) + varint(UInt64(value))
    case .message(let name):
      guard depth <= Self.maxDepth, let nested = messages[name] else {
        return writeDefault ? tag(number, wireType: 2) + [0] : nil
      }
      let body = encode(nested, depth: depth)
      return tag(number, wireType: 2) + varint(UInt64(body.count)) + body
    case .map:
      return nil  // a map value is never a map
    }
  }

  private func record(number: Int, scalar: ScalarType, payload: [UInt8]) -> [UInt8] {
    let wireType: UInt64 =
      switch scalar {
      case .float: 5
      case .double: 1
      case .string, .bytes: 2
      default: 0
      }
    return tag(number, wireType: wireType) + payload
  }

  private func sampleEnumNumber(_ name: TypeName) -> Int32 {
    enums[name]?.values.first { $0.number != 0 }?.number ?? 0
  }

  /// The value bytes (length prefix included for strings and bytes) of a non-default sample.
  private func sampleScalar(_ scalar: ScalarType) -> [UInt8] {
    switch scalar {
    case .bool: varint(1)
    case .int32: varint(zigzag(-12_345))
    case .int64: varint(zigzag(-1_234_567_890_123))
    case .uint32: varint(4_000_000_000)
    case .uint64: varint(1 << 40 + 7)
    case .float: littleEndian(UInt64(Float(1.5).bitPattern), bytes: 4)
    case .double: littleEndian((-2.25).bitPattern, bytes: 8)
    case .string: lengthPrefixed(Array("زيت الأركان — huile d'argan".utf8))
    case .bytes: lengthPrefixed([0, 1, 2, 255])
    }
  }

  /// Two keys' value bytes, in the canonical (ascending) order.
  private func sampleMapKeys(_ scalar: ScalarType) -> [[UInt8]] {
    switch scalar {
    case .bool: [varint(0), varint(1)]
    case .int32, .int64: [varint(zigzag(-1)), varint(zigzag(5))]
    case .uint32, .uint64: [varint(1), varint(2)]
    case .string: [lengthPrefixed(Array("a".utf8)), lengthPrefixed(Array("ب".utf8))]
    case .float, .double, .bytes: []
    }
  }

  private func tag(_ number: Int, wireType: UInt64) -> [UInt8] { varint(UInt64(number) << 3 | wireType) }

  private func zigzag(_ value: Int64) -> UInt64 { UInt64(bitPattern: (value << 1) ^ (value >> 63)) }

  private func lengthPrefixed(_ bytes: [UInt8]) -> [UInt8] { varint(UInt64(bytes.count)) + bytes }

  private func littleEndian(_ value: UInt64, bytes: Int) -> [UInt8] {
    (0..<bytes).map { UInt8(truncatingIfNeeded: value >> (8 * UInt64($0))) }
  }

  private func varint(_ value: UInt64) -> [UInt8] {
    var value = value
    var out: [UInt8] = []
    while value >= 0x80 {
      out.append(UInt8(value & 0x7F) | 0x80)
      value >>= 7
    }
    out.append(UInt8(value))
    return out
  }
}
