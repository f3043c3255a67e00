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
