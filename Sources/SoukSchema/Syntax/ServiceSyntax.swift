/// A `service` declaration as written.
struct ServiceSyntax: Hashable, Sendable {
  var name: Located<String>
  var documentation: [String]
  var methods: [MethodSyntax] = []
  var isDeprecated = false
}
