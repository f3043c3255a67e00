/// A whole checked schema: every file under one root, with every type reference resolved.
public struct Schema: Hashable, Sendable {
  /// The files sorted by path.
  public var files: [SchemaFile]

  public init(files: [SchemaFile]) {
    self.files = files.sorted { $0.path < $1.path }
  }
}

/// One checked `.souk` file.
public struct SchemaFile: Hashable, Sendable {
  /// The path relative to the schema root, with `/` separators: `souk/catalog/v1/catalog.souk`.
  public var path: String
  public var package: String
  /// The paths this file imports, as written.
  public var imports: [String]
  public var messages: [MessageDecl]
  public var enums: [EnumDecl]
  public var services: [ServiceDecl]
  /// The `///` comment before the `package` line.
  public var documentation: Documentation

  public init(
    path: String, package: String, imports: [String] = [], messages: [MessageDecl] = [], enums: [EnumDecl] = [],
    services: [ServiceDecl] = [], documentation: Documentation = .init(lines: [])
  ) {
    self.path = path
    self.package = package
    self.imports = imports
    self.messages = messages
    self.enums = enums
    self.services = services
    self.documentation = documentation
  }
}
