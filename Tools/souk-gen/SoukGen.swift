import ArgumentParser
import Foundation
import SoukCodegen
import SoukSchema

/// `souk-gen <schema-root> --output <dir> [--services-output <dir>] [--check]`: compiles the schema and writes (or
/// checks) the Swift code.
@main
struct SoukGen: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "souk-gen",
    abstract: "Generates Swift code from Souk schema files.",
    discussion: """
      Compiles every .souk file under <schema-root> and writes one Swift file per schema file into the output \
      folder, plus Namespaces.swift. With --services-output, the services (descriptors, server protocols, \
      clients) go to that folder instead, a module of their own that imports the messages' module, so that \
      the messages need only SoukWire. Generated files that are no longer produced are removed. On schema \
      errors nothing is written.
      """
  )

  @Argument(help: "The folder holding the .souk files; imports are relative to it.")
  var schemaRoot: String

  @Option(name: .shortAndLong, help: "The folder that receives the generated Swift files.")
  var output: String

  @Option(help: "The folder that receives the services, as a module of their own; without it they stay in --output.")
  var servicesOutput: String?

  @Option(help: "The module the services import the messages from (default: the last component of --output).")
  var messagesModule: String?

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
    var outputs: [(folder: String, files: GeneratedOutput)]
    if let servicesOutput {
      let module = self.messagesModule ?? URL(fileURLWithPath: self.output).lastPathComponent
      let (messages, services) = SwiftGenerator().generate(schema, servicesImporting: module)
      outputs = [(self.output, GeneratedOutput(files: messages)), (servicesOutput, GeneratedOutput(files: services))]
    } else {
      outputs = [(self.output, GeneratedOutput(files: SwiftGenerator().generate(schema)))]
    }
    do {
      if check {
        var stale = false
        for (folder, generated) in outputs {
          let differences = try generated.check(against: folder)
          for difference in differences { printError("\(folder): \(difference)") }
          stale = stale || !differences.isEmpty
        }
        if stale {
          printError("generated code is out of date; run: souk-gen \(self.regenerateArguments)")
          throw ExitCode.failure
        }
      } else {
        for (folder, generated) in outputs {
          for difference in try generated.write(to: folder) {
            print("\(difference.kind == .extra ? "removed" : "wrote") \(folder)/\(difference.path)")
          }
        }
      }
    } catch let error as GeneratedOutputError {
      printError("error: \(error)")
      throw ExitCode.failure
    }
  }

  /// The arguments that write what `--check` found stale.
  private var regenerateArguments: String {
    var arguments = "\(self.schemaRoot) --output \(self.output)"
    if let servicesOutput { arguments += " --services-output \(servicesOutput)" }
    if let messagesModule { arguments += " --messages-module \(messagesModule)" }
    return arguments
  }

  private func printError(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
  }
}
