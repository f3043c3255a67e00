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
