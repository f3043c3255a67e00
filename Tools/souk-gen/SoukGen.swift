import ArgumentParser
import Foundation
import SoukCodegen
import SoukSchema

/// `souk-gen <schema-root> --output <dir> [--check]`: compiles the schema and writes (or checks) the Swift code.
@main
struct SoukGen: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "souk-gen",
    abstract: "Generates Swift code from Souk schema files.",
    discussion: """
      Compiles every .souk file under <schema-root> and writes one Swift file per schema file into the output \
      folder, plus Namespaces.swift. Generated files that are no longer produced are removed. On schema errors \
      nothing is written.
      """
  )

  @Argument(help: "The folder holding the .souk files; imports are relative to it.")
  var schemaRoot: String

  @Option(name: .shortAndLong, help: "The folder that receives the generated Swift files.")
  var output: String

  @Flag(help: "Write nothing; exit non-zero naming every stale, missing or extra file.")
  var check = false

  func run() throws {
    let schema: Schema
    do {
      schema = try SchemaCompiler.compile(root: schemaRoot)
    } catch {
      for diagnostic in error.diagnostics { printError(diagnostic.description) }
      throw ExitCode.failure
    }
    let generated = GeneratedOutput(files: SwiftGenerator().generate(schema))
    do {
      if check {
        let differences = try generated.check(against: output)
        for difference in differences { printError("\(output): \(difference)") }
        if !differences.isEmpty {
          printError("generated code is out of date; run: souk-gen \(schemaRoot) --output \(output)")
          throw ExitCode.failure
        }
      } else {
        for difference in try generated.write(to: output) {
          print("\(difference.kind == .extra ? "removed" : "wrote") \(output)/\(difference.path)")
        }
      }
    } catch let error as GeneratedOutputError {
      printError("error: \(error)")
      throw ExitCode.failure
    }
  }

  private func printError(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
  }
}
