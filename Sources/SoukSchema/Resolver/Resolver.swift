/// Checks parsed files against each other and against the schema rules, and builds the public model.
///
/// Every problem becomes a diagnostic; checking goes on after each one so a single run reports them all.
/// The returned model is only meaningful when ``diagnostics`` is empty.
struct Resolver {
  static let maxFieldNumber = 536_870_911
  static let maxEnumNumber = Int(Int32.max)

  let files: [FileSyntax]
  var symbols = SymbolTable()
  var contexts: [String: FileContext] = [:]
  private(set) var diagnostics: [Diagnostic] = []

  init(files: [FileSyntax]) {
    self.files = files.sorted { $0.path < $1.path }
  }

  /// Resolves every file; read ``diagnostics`` afterwards.
  mutating func resolve() -> [SchemaFile] {
    collectSymbols()
    checkPackageScopes()
    checkImports()
    var resolved: [SchemaFile] = []
    for file in files { resolved.append(resolveFile(file)) }
    return resolved
  }

  mutating func error(_ message: String, at location: SourceLocation) {
    diagnostics.append(Diagnostic(.error, message, at: location))
  }

  mutating func report(_ diagnostic: Diagnostic?) {
    if let diagnostic { diagnostics.append(diagnostic) }
  }

  static func package(of file: FileSyntax) -> String { file.package?.value ?? "" }

  // MARK: - Symbols

  private mutating func collectSymbols() {
    for file in files {
      let package = Self.package(of: file)
      for message in file.messages { declare(message, in: package, parent: [], file: file.path) }
      for declaration in file.enums {
        symbols.declare(
          Symbol(
            kind: .enumeration, name: TypeName(package: package, path: [declaration.name.value]), file: file.path))
      }
      for service in file.services {
        symbols.declare(
          Symbol(
            kind: .service, name: TypeName(package: package, path: [service.name.value]), file: file.path))
      }
    }
  }

  private mutating func declare(_ message: MessageSyntax, in package: String, parent: [String], file: String) {
    let path = parent + [message.name.value]
    symbols.declare(
      Symbol(kind: .message, name: TypeName(package: package, path: path), file: file))
    for nested in message.messages { declare(nested, in: package, parent: path, file: file) }
    for nested in message.enums {
      symbols.declare(
        Symbol(
          kind: .enumeration, name: TypeName(package: package, path: path + [nested.name.value]), file: file))
    }
  }

  /// Top-level names must be unique in a package, across all of its files.
  private mutating func checkPackageScopes() {
    var scopes: [String: NameScope] = [:]
    for file in files {
      var declarations: [(name: Located<String>, kind: String)] = []
      declarations += file.messages.map { ($0.name, "message") }
      declarations += file.enums.map { ($0.name, "enum") }
      declarations += file.services.map { ($0.name, "service") }
      declarations.sort { $0.name.location < $1.name.location }
      let package = Self.package(of: file)
      for declaration in declarations {
        report(
          scopes[package, default: NameScope()].declare(
            declaration.name.value, kind: declaration.kind, at: declaration.name.location, in: [.type]))
      }
    }
  }

  // MARK: - Files

  private mutating func resolveFile(_ file: FileSyntax) -> SchemaFile {
    let context =
      contexts[file.path]
      ?? FileContext(path: file.path, package: Self.package(of: file), visibleFiles: [file.path], importedPackages: [])
    let messages = file.messages.map { resolveMessage($0, parent: [], in: context) }
    let enums = file.enums.map { resolveEnum($0, parent: [], in: context) }
    let services = file.services.map { resolveService($0, in: context) }
    return SchemaFile(
      path: file.path, package: context.package, imports: file.imports.map(\.value), messages: messages,
      enums: enums, services: services, documentation: Documentation(lines: file.documentation))
  }

  /// A message or enum named like a scalar type could never be referred to.
  mutating func checkNotBuiltIn(_ name: Located<String>, kind: String) {
    if ScalarType(rawValue: name.value) != nil || name.value == "map" {
      error("'\(name.value)' is a built-in type name; choose another name for the \(kind)", at: name.location)
    }
  }
}
