import SoukSchema

/// Generates `Namespaces.swift`: one empty `public enum` per schema package, which every generated file
/// extends, documented with the `///` comments of the package's files.
struct NamespacesGenerator {
  static let outputPath = "Namespaces.swift"

  let schema: Schema

  func generate() -> GeneratedFile {
    var documentation: [String: [String]] = [:]
    for file in schema.files where !file.documentation.isEmpty {
      if documentation[file.package]?.isEmpty == false { documentation[file.package]?.append("") }
      documentation[file.package, default: []] += file.documentation.lines
    }
    let packages = Set(schema.files.map(\.package)).sorted()
    var printer = CodePrinter()
    printer.line("\(FileGenerator.headerPrefix). Do not edit.")
    for package in packages {
      printer.blankLine()
      printer.documentation(documentation[package] ?? ["The types of the `\(package)` schema package."])
      printer.line("public enum \(SwiftNaming.namespace(forPackage: package)) {}")
    }
    return GeneratedFile(path: Self.outputPath, contents: printer.contents)
  }
}
