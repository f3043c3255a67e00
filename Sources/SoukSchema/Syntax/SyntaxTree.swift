// The schema as written, before resolution: the tree the parser builds and the resolver checks.

/// A parsed value together with the location of the token it was written at.
struct Located<Value: Hashable & Sendable>: Hashable, Sendable {
  var value: Value
  var location: SourceLocation

  init(_ value: Value, at location: SourceLocation) {
    self.value = value
    self.location = location
  }
}

/// A dotted type name as written: `Money`, `Product.Photo`, `.souk.common.v1.Money`.
struct TypeReference: Hashable, Sendable {
  var components: [String]
  /// Written with a leading `.`: looked up from the root only.
  var isFullyQualified: Bool
  var location: SourceLocation
  /// Whether a component was malformed (already reported), so it is not reported again as unknown.
  var isMalformed: Bool

  var spelling: String { (isFullyQualified ? "." : "") + components.joined(separator: ".") }
}

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

/// A field (plain, map or one-of member) as written.
struct FieldSyntax: Hashable, Sendable {
  var name: Located<String>
  /// `nil` when the number is malformed; the lexer has reported it.
  var number: Located<Int?>
  var label: FieldDecl.Label
  var type: TypeSyntax
  var oneof: String?
  var isDeprecated: Bool
  var documentation: [String]
}

/// A `oneof` group as written; its members are in ``MessageSyntax/fields``.
struct OneofSyntax: Hashable, Sendable {
  var name: Located<String>
  var documentation: [String]
  var fieldNames: [String] = []
  /// Whether a member could not be parsed, so an empty group is not reported again as empty.
  var hasSyntaxErrors = false
}

/// One `reserved` statement: either number ranges or names.
struct ReservedSyntax: Hashable, Sendable {
  /// `a`, `a to b` or `a to max`.
  struct Range: Hashable, Sendable {
    /// The upper end of a range as written.
    enum End: Hashable, Sendable {
      /// A single number: `reserved 7;`.
      case same
      case number(Located<Int?>)
      /// `to max`: the highest number the declaration allows.
      case max(SourceLocation)
    }

    var start: Located<Int?>
    var end: End
  }

  var ranges: [Range] = []
  var names: [Located<String>] = []
  var location: SourceLocation
}

/// An `enum` declaration as written.
struct EnumSyntax: Hashable, Sendable {
  /// One `NAME = number;` line of an enum.
  struct Value: Hashable, Sendable {
    var name: Located<String>
    /// `nil` when the number is malformed; the lexer has reported it.
    var number: Located<Int?>
    var isDeprecated: Bool
    var documentation: [String]
  }

  var name: Located<String>
  var documentation: [String]
  var values: [Value] = []
  var reserved: [ReservedSyntax] = []
  var isDeprecated = false
  /// Whether a member could not be parsed, so a missing zero value is not reported on top of it.
  var hasSyntaxErrors = false
}

/// A `message` declaration as written.
struct MessageSyntax: Hashable, Sendable {
  var name: Located<String>
  var documentation: [String]
  /// Every field, one-of members included, in declaration order.
  var fields: [FieldSyntax] = []
  var oneofs: [OneofSyntax] = []
  var messages: [MessageSyntax] = []
  var enums: [EnumSyntax] = []
  var reserved: [ReservedSyntax] = []
  var isDeprecated = false

  init(name: Located<String>, documentation: [String]) {
    self.name = name
    self.documentation = documentation
  }
}

/// An `rpc` declaration as written.
struct MethodSyntax: Hashable, Sendable {
  var name: Located<String>
  var documentation: [String]
  var input: TypeSyntax
  var clientStreaming: Bool
  var output: TypeSyntax
  var serverStreaming: Bool
  /// `nil` when the method has no `option roles`.
  var roles: [Role]?
  var isIdempotent = false
  var isDeprecated = false
}

/// A `service` declaration as written.
struct ServiceSyntax: Hashable, Sendable {
  var name: Located<String>
  var documentation: [String]
  var methods: [MethodSyntax] = []
  var isDeprecated = false
}

/// One `.souk` file as written, before names are resolved.
struct FileSyntax: Hashable, Sendable {
  var path: String
  var documentation: [String] = []
  /// `nil` when the file has no (readable) `package` line; the parser has reported it.
  var package: Located<String>?
  var imports: [Located<String>] = []
  var messages: [MessageSyntax] = []
  var enums: [EnumSyntax] = []
  var services: [ServiceSyntax] = []

  init(path: String) { self.path = path }
}
