import Foundation

extension SchemaCompiler {
  /// Loads every `*.souk` file below `root` (recursively, in path order) and compiles them.
  ///
  /// Hidden files and folders (names starting with `.`) are skipped. Paths in the schema and in its diagnostics
  /// are relative to `root`, with `/` separators.
  /// - Throws: ``SchemaErrors`` with every diagnostic, including a missing root, a root without schema files,
  ///   and files that cannot be read or are not UTF-8.
  public static func compile(root: String) throws(SchemaErrors) -> Schema {
    let (files, diagnostics) = loadFiles(under: root)
    guard diagnostics.isEmpty else { throw SchemaErrors(diagnostics) }
    return try compile(files: files).get()
  }

  /// Reads the `.souk` files under `root`, keyed by relative path, with a diagnostic per file that fails.
  private static func loadFiles(under root: String) -> (files: [String: String], diagnostics: [Diagnostic]) {
    let rootLocation = SourceLocation(file: root, line: 1, column: 1)
    let fileManager = FileManager.default
    var isDirectory: ObjCBool = false
    guard fileManager.fileExists(atPath: root, isDirectory: &isDirectory), isDirectory.boolValue else {
      return ([:], [Diagnostic(.error, "schema root '\(root)' does not exist or is not a directory", at: rootLocation)])
    }
    let rootURL = URL(fileURLWithPath: root, isDirectory: true).standardizedFileURL.resolvingSymlinksInPath()
    guard
      let enumerator = fileManager.enumerator(
        at: rootURL, includingPropertiesForKeys: nil, options: [.skipsHiddenFiles])
    else {
      return ([:], [Diagnostic(.error, "cannot list the schema root '\(root)'", at: rootLocation)])
    }
    let rootComponents = rootURL.pathComponents
    var files: [String: String] = [:]
    var diagnostics: [Diagnostic] = []
    for case let url as URL in enumerator where url.pathExtension == "souk" {
      let components = url.standardizedFileURL.pathComponents
      guard components.starts(with: rootComponents) else { continue }
      var isDirectory: ObjCBool = false
      if fileManager.fileExists(atPath: url.path, isDirectory: &isDirectory), isDirectory.boolValue { continue }
      let path = components.dropFirst(rootComponents.count).joined(separator: "/")
      let location = SourceLocation(file: path, line: 1, column: 1)
      guard let data = fileManager.contents(atPath: url.path) else {
        diagnostics.append(Diagnostic(.error, "cannot read the file", at: location))
        continue
      }
      guard let text = String(validating: data, as: UTF8.self) else {
        diagnostics.append(Diagnostic(.error, "the file is not valid UTF-8 text", at: location))
        continue
      }
      files[path] = text
    }
    if files.isEmpty && diagnostics.isEmpty {
      diagnostics.append(Diagnostic(.error, "no '.souk' files found under '\(root)'", at: rootLocation))
    }
    return (files, diagnostics)
  }
}
