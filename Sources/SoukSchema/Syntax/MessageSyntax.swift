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
