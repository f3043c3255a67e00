/// A type as written in a field or an rpc, before resolution.
indirect enum TypeSyntax: Hashable, Sendable {
  case scalar(ScalarType, SourceLocation)
  case named(TypeReference)
  case map(key: TypeSyntax, value: TypeSyntax, SourceLocation)

  var location: SourceLocation {
    switch self {
    case .scalar(_, let location), .map(_, _, let location): location
    case .named(let reference): reference.location
    }
  }

  /// The type as written, for diagnostics.
  var spelling: String {
    switch self {
    case .scalar(let scalar, _): scalar.rawValue
    case .named(let reference): reference.spelling
    case .map(let key, let value, _): "map<\(key.spelling), \(value.spelling)>"
    }
  }
}
