public import SoukSchema

/// Turns a checked schema into Swift source files that use the SoukWire runtime (messages and enums) and the
/// SoukRPC runtime (services).
///
/// Each schema file becomes one Swift file at the mirrored path (`souk/catalog/v1/catalog.souk` ->
/// `souk/catalog/v1/catalog.swift`), plus one `Namespaces.swift` declaring each package's namespace enum; the
/// services may instead go to a second module of their own, so that a user of the messages links no transport.
/// The output depends only on the schema, so generating twice gives the same bytes.
public struct SwiftGenerator: Sendable {
  public init() {}

  /// Generates every file for `schema`, messages and services together in one module, sorted by path.
  public func generate(_ schema: Schema) -> [GeneratedFile] {
    (self.files(schema, part: .everything) + [NamespacesGenerator(schema: schema).generate()])
      .sorted { $0.path < $1.path }
  }

  /// Generates the messages' module (messages, enums, `Namespaces.swift`) and the services' module (each schema
  /// file with services, importing the messages' module as `messagesModule`), each sorted by path.
  public func generate(
    _ schema: Schema,
    servicesImporting messagesModule: String
  ) -> (messages: [GeneratedFile], services: [GeneratedFile]) {
    let messages = self.files(schema, part: .messages) + [NamespacesGenerator(schema: schema).generate()]
    let services = self.files(schema, part: .services(importing: messagesModule))
    return (messages.sorted { $0.path < $1.path }, services.sorted { $0.path < $1.path })
  }

  private func files(_ schema: Schema, part: FileGenerator.Part) -> [GeneratedFile] {
    let context = GeneratorContext(schema: schema)
    return schema.files.compactMap { FileGenerator(file: $0, context: context, part: part).generate() }
  }
}
