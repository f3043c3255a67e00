/// A message type, with its fields in declaration order and its nested types.
public struct MessageDecl: Hashable, Sendable {
  public var name: TypeName
  /// Every field, one-of members included, in declaration order.
  public var fields: [FieldDecl]
  public var oneofs: [OneofDecl]
  public var messages: [MessageDecl]
  public var enums: [EnumDecl]
  public var reserved: Reservations
  public var isDeprecated: Bool
  public var documentation: Documentation
  public var location: SourceLocation

  public init(
    name: TypeName, fields: [FieldDecl] = [], oneofs: [OneofDecl] = [], messages: [MessageDecl] = [],
    enums: [EnumDecl] = [], reserved: Reservations = .init(), isDeprecated: Bool = false,
    documentation: Documentation = .init(lines: []), location: SourceLocation
  ) {
    self.name = name
    self.fields = fields
    self.oneofs = oneofs
    self.messages = messages
    self.enums = enums
    self.reserved = reserved
    self.isDeprecated = isDeprecated
    self.documentation = documentation
    self.location = location
  }

  /// The fields in ascending number order: the order in which they are encoded.
  public var fieldsByNumber: [FieldDecl] { fields.sorted { $0.number < $1.number } }
}

/// A `oneof` group: at most one of its fields is set.
public struct OneofDecl: Hashable, Sendable {
  public var name: String
  /// The names of the member fields, in declaration order; the fields themselves are in ``MessageDecl/fields``.
  public var fieldNames: [String]
  public var documentation: Documentation
  public var location: SourceLocation

  public init(
    name: String, fieldNames: [String], documentation: Documentation = .init(lines: []), location: SourceLocation
  ) {
    self.name = name
    self.fieldNames = fieldNames
    self.documentation = documentation
    self.location = location
  }
}
