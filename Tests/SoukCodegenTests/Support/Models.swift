import SoukCodegen
import SoukSchema
import Testing

/// Small hand-built models and a way to look at what the generator makes of them.
enum Models {
  static let package = "souk.test.v1"
  static let path = "souk/test/v1/test.souk"
  static let location = SourceLocation(file: path, line: 1, column: 1)

  static func name(_ path: String...) -> TypeName { TypeName(package: package, path: path) }

  static func field(
    _ name: String, _ number: Int, _ type: FieldType, label: FieldDecl.Label = .singular, oneof: String? = nil,
    deprecated: Bool = false, docs: [String] = []
  ) -> FieldDecl {
    FieldDecl(
      name: name, number: number, label: label, type: type, oneof: oneof, isDeprecated: deprecated,
      documentation: Documentation(lines: docs), location: location)
  }

  static func message(
    _ name: String, fields: [FieldDecl] = [], oneofs: [OneofDecl] = [], messages: [MessageDecl] = [],
    enums: [EnumDecl] = [], deprecated: Bool = false, docs: [String] = []
  ) -> MessageDecl {
    MessageDecl(
      name: self.name(name), fields: fields, oneofs: oneofs, messages: messages, enums: enums,
      isDeprecated: deprecated, documentation: Documentation(lines: docs), location: location)
  }

  static func status() -> EnumDecl {
    EnumDecl(
      name: name("Status"),
      values: [
        .init(name: "STATUS_UNSPECIFIED", number: 0, location: location),
        .init(
          name: "STATUS_ACTIVE", number: 1, isDeprecated: true, documentation: Documentation(lines: ["Selling."]),
          location: location),
      ],
      documentation: Documentation(lines: ["Whether it sells."]), location: location)
  }

  /// A service with one method of each kind: `GetProduct` (unary, documented, idempotent), `Watch` (server
  /// streaming, deprecated), `Upload` (client streaming) and `Chat` (bidirectional), all from `Request` to `Reply`.
  static func catalogService() -> ServiceDecl {
    ServiceDecl(
      name: name("CatalogService"),
      methods: [
        MethodDecl(
          name: "GetProduct", input: name("Request"), output: name("Reply"), roles: [.partner, .public],
          isIdempotent: true, documentation: Documentation(lines: ["Gets one product."]), location: location),
        MethodDecl(
          name: "Watch", input: name("Request"), output: name("Reply"), serverStreaming: true, roles: [.admin],
          isDeprecated: true, location: location),
        MethodDecl(
          name: "Upload", input: name("Request"), output: name("Reply"), clientStreaming: true,
          roles: [.cooperative], location: location),
        MethodDecl(
          name: "Chat", input: name("Request"), output: name("Reply"), clientStreaming: true,
          serverStreaming: true, roles: [.admin, .cooperative], location: location),
      ],
      documentation: Documentation(lines: ["The catalog."]), location: location)
  }

  /// The file generated for the messages `Request` and `Reply` and `services`.
  static func generateServices(_ services: [ServiceDecl] = [catalogService()]) -> String {
    generate(messages: [message("Request"), message("Reply")], enums: [], services: services)
  }

  /// The Swift file generated for one schema file holding these declarations.
  static func generate(
    messages: [MessageDecl] = [], enums: [EnumDecl] = [], services: [ServiceDecl] = []
  ) -> String {
    let file = SchemaFile(path: path, package: package, messages: messages, enums: enums, services: services)
    let files = SwiftGenerator().generate(Schema(files: [file]))
    return files.first { $0.path == "souk/test/v1/test.swift" }?.contents ?? ""
  }
}

/// Expects `snippet`'s lines to appear consecutively in `output`, each compared without its leading
/// indentation (so a snippet does not depend on how deeply the declaration is nested).
func expectSnippet(_ snippet: String, in output: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
  let wanted = snippet.split(separator: "\n", omittingEmptySubsequences: false).map { $0.drop { $0 == " " } }
  let lines = output.split(separator: "\n", omittingEmptySubsequences: false).map { $0.drop { $0 == " " } }
  let found = lines.indices.contains { start in
    start + wanted.count <= lines.count && zip(lines[start...], wanted).allSatisfy { $0 == $1 }
  }
  #expect(found, "missing snippet:\n\(snippet)\nin:\n\(output)", sourceLocation: sourceLocation)
}
