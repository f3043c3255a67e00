/// A field of a message.
public struct FieldDecl: Hashable, Sendable {
  /// How many values a field holds and whether absence is visible.
  public enum Label: Hashable, Sendable {
    /// One value; a scalar or enum equal to its default is not encoded. Message fields always have presence.
    case singular
    /// One value with presence (`optional`): set-to-default and absent differ.
    case optional
    /// Zero or more values (`repeated`). Maps are `.singular` with a `.map` type.
    case repeated
  }

  /// The name as written in the schema, e.g. `unit_price`.
  public var name: String
  public var number: Int
  public var label: Label
  public var type: FieldType
  /// The name of the one-of this field belongs to, if any.
  public var oneof: String?
  public var isDeprecated: Bool
  public var documentation: Documentation
  public var location: SourceLocation

  public init(
    name: String, number: Int, label: Label = .singular, type: FieldType, oneof: String? = nil,
    isDeprecated: Bool = false, documentation: Documentation = .init(lines: []), location: SourceLocation
  ) {
    self.name = name
    self.number = number
    self.label = label
    self.type = type
    self.oneof = oneof
    self.isDeprecated = isDeprecated
    self.documentation = documentation
    self.location = location
  }
}

/// The type of a field after resolution.
public indirect enum FieldType: Hashable, Sendable {
  case scalar(ScalarType)
  case message(TypeName)
  case enumeration(TypeName)
  /// `map<K, V>`: the key is a scalar that ``ScalarType/isValidMapKey``; the value is never a map.
  case map(key: ScalarType, value: FieldType)
}
