/// Turns `.souk` schema text into a checked ``Schema``, or into every diagnostic found.
///
/// Lexing, parsing and resolution all keep going after a mistake, so one run reports every independent
/// problem, each as `path:line:column: error: message`.
public enum SchemaCompiler {
  /// Compiles in-memory files.
  ///
  /// - Parameter files: The text of each file, keyed by its path relative to the schema root, with `/`
  ///   separators (`"souk/catalog/v1/catalog.souk"`); imports name files by these keys.
  /// - Returns: The checked schema, or every diagnostic sorted by location.
  public static func compile(files: [String: String]) -> Result<Schema, SchemaErrors> {
    var diagnostics: [Diagnostic] = []
    var syntaxTrees: [FileSyntax] = []
    for (path, text) in files.sorted(by: { $0.key < $1.key }) {
      var parser = Parser(path: path, text: text)
      syntaxTrees.append(parser.parseFile())
      diagnostics += parser.diagnostics
    }
    var resolver = Resolver(files: syntaxTrees)
    let schemaFiles = resolver.resolve()
    diagnostics += resolver.diagnostics
    guard diagnostics.isEmpty else { return .failure(SchemaErrors(unique(diagnostics))) }
    return .success(Schema(files: schemaFiles))
  }

  /// The diagnostics without repeats, in their original order.
  private static func unique(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
    var seen: Set<Diagnostic> = []
    return diagnostics.filter { seen.insert($0).inserted }
  }
}
