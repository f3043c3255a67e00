import Foundation
import SoukCodegen
import SoukSchema
import Testing

/// The committed generated code must be exactly what souk-gen makes of the committed schemas.
@Suite("Committed generated code is fresh")
struct CommittedOutputTests {
  /// The package root, found from this file's path (`Tests/SoukCodegenTests/...`).
  private static let packageRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  @Test(arguments: [
    ("Tests/SoukGeneratedFixtures/Schema", "Tests/SoukGeneratedFixtures/Generated"),
    ("Tests/SoukInteropService/Schema", "Tests/SoukInteropService/Generated"),
    ("Protocol", "Sources/SoukAPI"),
    ("Tools/souk-bench/Schema", "Tools/souk-bench/Generated"),
  ])
  func outputMatchesSchema(schemaRoot: String, outputFolder: String) throws {
    let schema = try SchemaCompiler.compile(root: Self.packageRoot.appendingPathComponent(schemaRoot).path)
    let output = GeneratedOutput(files: SwiftGenerator().generate(schema))
    let differences = try output.check(against: Self.packageRoot.appendingPathComponent(outputFolder).path)
    #expect(differences.isEmpty, "run: swift run souk-gen \(schemaRoot) --output \(outputFolder)")
  }
}
