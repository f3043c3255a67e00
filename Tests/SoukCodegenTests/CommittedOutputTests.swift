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
    ("Benchmarks/souk-bench/Schema", "Benchmarks/souk-bench/Generated"),
  ])
  func outputMatchesSchema(schemaRoot: String, outputFolder: String) throws {
    let schema = try SchemaCompiler.compile(root: Self.packageRoot.appendingPathComponent(schemaRoot).path)
    let output = GeneratedOutput(files: SwiftGenerator().generate(schema))
    let differences = try output.check(against: Self.packageRoot.appendingPathComponent(outputFolder).path)
    #expect(differences.isEmpty, "run: swift run souk-gen \(schemaRoot) --output \(outputFolder)")
  }

  @Test("the API's messages and services are fresh in their two modules")
  func apiMatchesProtocol() throws {
    let schema = try SchemaCompiler.compile(root: Self.packageRoot.appendingPathComponent("Protocol").path)
    let (messages, services) = SwiftGenerator().generate(schema, servicesImporting: "SoukAPI")
    for (files, folder) in [(messages, "Sources/SoukAPI"), (services, "Sources/SoukAPIServices")] {
      let differences = try GeneratedOutput(files: files).check(
        against: Self.packageRoot.appendingPathComponent(folder).path)
      #expect(
        differences.isEmpty,
        "run: swift run souk-gen Protocol --output Sources/SoukAPI --services-output Sources/SoukAPIServices")
    }
  }
}
