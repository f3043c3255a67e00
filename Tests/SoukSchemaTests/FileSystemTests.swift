import Foundation
import SoukSchema
import Testing

@Suite("Loading a schema root from disk")
struct FileSystemTests {
  /// A fresh temporary folder, removed by the caller.
  private func makeRoot() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("souk-schema-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  private func write(_ text: String, to path: String, in root: URL) throws {
    let url = root.appendingPathComponent(path)
    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data(text.utf8).write(to: url)
  }

  @Test func compilesEverySoukFileBelowTheRoot() throws {
    let root = try makeRoot()
    defer { try? FileManager.default.removeItem(at: root) }
    try write(
      "package souk.common.v1; message Money { int64 centimes = 1; }", to: "souk/common/v1/common.souk", in: root)
    try write(
      "package souk.catalog.v1; import \"souk/common/v1/common.souk\"; message Product { Money price = 1; }",
      to: "souk/catalog/v1/catalog.souk", in: root)
    try write("not a schema", to: "README.md", in: root)
    let schema = try SchemaCompiler.compile(root: root.path)
    #expect(schema.files.map(\.path) == ["souk/catalog/v1/catalog.souk", "souk/common/v1/common.souk"])
    #expect(
      schema.files[0].messages[0].fields[0].type == .message(TypeName(package: "souk.common.v1", path: ["Money"])))
  }

  @Test func diagnosticsUsePathsRelativeToTheRoot() throws {
    let root = try makeRoot()
    defer { try? FileManager.default.removeItem(at: root) }
    try write("package a.v1;\nmessage A { int32 a = 0; }", to: "a/v1/a.souk", in: root)
    #expect(
      throws: SchemaErrors([
        Diagnostic(
          .error, "field number 0 is out of range; field numbers go from 1 to 536870911",
          at: SoukSchema.SourceLocation(file: "a/v1/a.souk", line: 2, column: 23))
      ])
    ) {
      try SchemaCompiler.compile(root: root.path)
    }
  }

  @Test func missingRoot() throws {
    let root = try makeRoot()
    try FileManager.default.removeItem(at: root)
    do {
      _ = try SchemaCompiler.compile(root: root.path)
      Issue.record("expected an error")
    } catch {
      #expect(
        error.description == "\(root.path):1:1: error: schema root '\(root.path)' does not exist or is not a directory")
    }
  }

  @Test func rootWithoutSchemaFiles() throws {
    let root = try makeRoot()
    defer { try? FileManager.default.removeItem(at: root) }
    do {
      _ = try SchemaCompiler.compile(root: root.path)
      Issue.record("expected an error")
    } catch {
      #expect(error.description == "\(root.path):1:1: error: no '.souk' files found under '\(root.path)'")
    }
  }

  @Test func fileThatIsNotUTF8() throws {
    let root = try makeRoot()
    defer { try? FileManager.default.removeItem(at: root) }
    try Data([0x70, 0xFF, 0xFE]).write(to: root.appendingPathComponent("bad.souk"))
    try write("package ok;", to: "ok.souk", in: root)
    do {
      _ = try SchemaCompiler.compile(root: root.path)
      Issue.record("expected an error")
    } catch {
      #expect(error.description == "bad.souk:1:1: error: the file is not valid UTF-8 text")
    }
  }

  @Test func unreadableFile() throws {
    let root = try makeRoot()
    defer { try? FileManager.default.removeItem(at: root) }
    try FileManager.default.createSymbolicLink(
      atPath: root.appendingPathComponent("dangling.souk").path, withDestinationPath: "/nonexistent/nothing.souk")
    do {
      _ = try SchemaCompiler.compile(root: root.path)
      Issue.record("expected an error")
    } catch {
      #expect(error.description == "dangling.souk:1:1: error: cannot read the file")
    }
  }

  @Test func hiddenFilesAndFoldersAreSkipped() throws {
    let root = try makeRoot()
    defer { try? FileManager.default.removeItem(at: root) }
    try write("package a;", to: "a.souk", in: root)
    try write("broken", to: ".hidden.souk", in: root)
    try write("broken", to: ".build/x.souk", in: root)
    let schema = try SchemaCompiler.compile(root: root.path)
    #expect(schema.files.map(\.path) == ["a.souk"])
  }
}
