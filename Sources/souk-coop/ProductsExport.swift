import ArgumentParser
import Foundation
import SoukClient
import SoukTools

/// `souk-coop products export`: writes every product of the cooperative as a CSV that `products import`
/// reads back unchanged.
struct ProductsExport: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "export",
    abstract: "Write all your products as CSV (UTF-8 with BOM, comma separated), ready to edit and import.",
    discussion: """
      The file has every column `products import` reads. Importing it again changes nothing; edit it in a
      spreadsheet and import it to apply your changes. Clear the stock column (or delete it) before importing
      if orders may have changed stock since the export.
      """
  )

  @Option(name: .shortAndLong, help: "The file to write (default: standard output).")
  var output: String?

  @Option(help: "Your cooperative's id (env SOUK_COOPERATIVE; default: found from your key).")
  var cooperative: String?

  @Option(help: "The field separator: ',' or ';'.")
  var separator: String = ","

  @OptionGroup var connection: ConnectionOptions

  func validate() throws {
    guard self.separator == "," || self.separator == ";" else {
      throw ValidationError("--separator is ',' or ';'")
    }
  }

  func run() async throws {
    let writer = ProductSheetWriter(separator: self.separator == ";" ? ";" : ",")
    let sink: FileHandle
    if let output = self.output {
      guard FileManager.default.createFile(atPath: output, contents: nil),
        let handle = FileHandle(forWritingAtPath: output)
      else {
        Console.error("error: cannot write \(output)")
        throw ExitCode(2)
      }
      sink = handle
    } else {
      sink = FileHandle.standardOutput
    }
    defer { if self.output != nil { try? sink.close() } }
    var count = 0
    try await ToolSession.run(self.connection) { client in
      let cooperativeID = try await CooperativeIdentity.resolve(client, given: self.cooperative)
      sink.write(Data(([0xEF, 0xBB, 0xBF] as [UInt8]) + Array(writer.header().utf8)))
      try await ProductPages.forEach(client, cooperativeID: cooperativeID) { products in
        let text = products.map(writer.record).joined()
        sink.write(Data(text.utf8))
        count += products.count
      }
    }
    if let output = self.output {
      Console.error("Exported \(count) products to \(output).")
    }
  }
}
