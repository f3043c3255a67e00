import SoukSchema

/// The documentation of a method's server requirement and client function: the schema's doc comment, then a
/// line naming who may call it and whether it is idempotent.
enum MethodDocumentation {
  static func lines(of method: MethodDecl) -> [String] {
    let roles = method.roles.sorted().map { "`\($0.rawValue)`" }.joined(separator: ", ")
    let summary = "Allowed roles: \(roles). \(method.isIdempotent ? "Idempotent." : "Not idempotent.")"
    let schemaLines = method.documentation.lines
    return schemaLines.isEmpty ? [summary] : schemaLines + ["", summary]
  }
}
