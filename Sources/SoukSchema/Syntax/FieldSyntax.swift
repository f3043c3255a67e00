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
