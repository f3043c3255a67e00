/// A `oneof` group as written; its members are in ``MessageSyntax/fields``.
struct OneofSyntax: Hashable, Sendable {
  var name: Located<String>
  var documentation: [String]
  var fieldNames: [String] = []
  /// Whether a member could not be parsed, so an empty group is not reported again as empty.
  var hasSyntaxErrors = false
}
