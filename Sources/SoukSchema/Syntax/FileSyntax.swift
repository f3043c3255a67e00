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
