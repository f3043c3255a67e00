public import SoukSchema

/// Turns a checked schema into Swift source files that use the SoukWire runtime.
///
/// Each schema file becomes one Swift file at the mirrored path (`souk/catalog/v1/catalog.souk` ->
/// `souk/catalog/v1/catalog.swift`), plus one `Namespaces.swift` declaring each package's namespace enum.
/// The output depends only on the schema, so generating twice gives the same bytes.
public struct SwiftGenerator: Sendable {
  public init() {}

  /// Generates every file for `schema`, sorted by path.
  public func generate(_ schema: Schema) -> [GeneratedFile] {
    let context = GeneratorContext(schema: schema)
    var files = schema.files.map { FileGenerator(file: $0, context: context).generate() }
    files.append(NamespacesGenerator(schema: schema).generate())
    return files.sorted { $0.path < $1.path }
  }
}
