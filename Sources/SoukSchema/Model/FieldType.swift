/// The type of a field after resolution.
public indirect enum FieldType: Hashable, Sendable {
  case scalar(ScalarType)
  case message(TypeName)
  case enumeration(TypeName)
  /// `map<K, V>`: the key is a scalar that ``ScalarType/isValidMapKey``; the value is never a map.
  case map(key: ScalarType, value: FieldType)
}
