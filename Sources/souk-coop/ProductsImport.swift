import ArgumentParser
import Foundation
import SoukClient
import SoukTools

/// `souk-coop products import FILE.csv`: creates and updates the cooperative's products from a spreadsheet,
/// matched by SKU.
struct ProductsImport: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "import",
    abstract: "Create or update products from a CSV file, matched by SKU.",
    discussion: """
      The first line names the columns (any order, any case; only sku is required):
        sku, title_fr, title_ar, title_en, description_fr, description_ar, description_en, category, tags,
        price, unit, packaging_fr, packaging_ar, packaging_en, stock, status, photo_urls
      price: dirhams, 45,50 or 45.50 or 45. unit: 250 g, 1 kg, 1 l, 500 ml, piece, 6 pieces, 1 m, 2 m2.
      category: honey, edible_oils, spices_and_herbs, … (see the documentation). status: draft, active,
      archived. tags and photo_urls: separated by |. An empty cell keeps the product's current value.

      Every row is checked first, by this tool and then by the server; if any row is wrong, every wrong row is
      listed with its line and nothing is imported (unless --skip-invalid).
      """
  )

  @Argument(help: "The CSV file (UTF-8 with or without BOM, unless --encoding says otherwise).")
  var file: String

  @Option(help: "The file's encoding: utf8, windows-1256 (Arabic, older Excel) or latin1.")
  var encoding: CSVEncoding = .utf8

  @Option(help: "The field separator: ',' or ';' or 'tab' (default: detected from the first line).")
  var separator: String?

  @Flag(help: "Import the good rows even if some rows are wrong (the wrong ones are listed and skipped).")
  var skipInvalid = false

  @Flag(help: "Check everything, with the server, and write nothing.")
  var dryRun = false

  @OptionGroup var connection: ConnectionOptions

  func validate() throws {
    _ = try self.separatorScalar()
  }

  func run() async throws {
    let sheet = try self.readSheet()
    let name = (self.file as NSString).lastPathComponent
    for problem in sheet.problems {
      Console.error("\(name): \(problem)")
    }
    guard sheet.headerProblems.isEmpty else {
      Console.error("\(name): the header row is wrong; nothing was imported.")
      throw ExitCode(8)
    }
    let badLines = Set(sheet.rowProblems.map(\.line))
    if !badLines.isEmpty && !self.skipInvalid && !self.dryRun {
      Console.error(
        "\(name): \(badLines.count) of \(sheet.rowCount) rows have problems; nothing was imported. "
          + "Fix them, or pass --skip-invalid to import the \(sheet.rows.count) good rows.")
      throw ExitCode(8)
    }
    guard !sheet.rows.isEmpty else {
      Console.out("\(name): no rows to import.")
      if !badLines.isEmpty { throw ExitCode(8) }
      return
    }
    try await ToolSession.run(self.connection) { client in
      let importer = BulkImporter(client: client)
      let check = try await importer.upload(sheet.rows, validateOnly: true, label: "Checking")
      for failure in check.failures {
        Console.error("\(name): \(failure)")
      }
      if self.dryRun {
        Console.out(
          "Dry run of \(name), nothing written: \(check.created) to create, \(check.updated) to update, "
            + "\(check.unchanged) unchanged, \(check.failed + badLines.count) with problems.")
        if check.failed > 0 || !badLines.isEmpty { throw ExitCode(8) }
        return
      }
      if check.failed > 0 && !self.skipInvalid {
        Console.error(
          "\(name): the server refused \(check.failed) of \(sheet.rowCount) rows; nothing was imported. "
            + "Fix them, or pass --skip-invalid to import the other rows.")
        throw ExitCode(8)
      }
      let rows = sheet.rows.filter { !check.failedLines.contains($0.line) }
      let skipped = badLines.count + check.failedLines.count
      guard !rows.isEmpty else {
        Console.out("\(name): no valid rows to import; \(skipped) skipped.")
        throw ExitCode(8)
      }
      let done = try await importer.upload(rows, validateOnly: false, label: "Importing")
      for failure in done.failures {
        Console.error("\(name): \(failure)")
      }
      var summary =
        "Imported \(name): \(done.created) created, \(done.updated) updated, \(done.unchanged) unchanged, "
        + "\(done.failed) failed"
      if skipped > 0 { summary += ", \(skipped) invalid rows skipped" }
      Console.out(summary + ".")
      if done.failed > 0 { throw ExitCode(8) }
    }
  }

  /// Reads, decodes and checks the file; a file that cannot be read or decoded ends the command.
  private func readSheet() throws -> ProductSheet {
    let bytes: [UInt8]
    do {
      bytes = Array(try Data(contentsOf: URL(fileURLWithPath: self.file)))
    } catch {
      Console.error("error: cannot read \(self.file): \(error.localizedDescription)")
      throw ExitCode(2)
    }
    let text: String
    do {
      text = try self.encoding.decode(bytes)
    } catch {
      Console.error("\((self.file as NSString).lastPathComponent): \(error)")
      throw ExitCode(8)
    }
    return ProductSheet(CSVReader(separator: try self.separatorScalar()).read(text))
  }

  private func separatorScalar() throws -> Unicode.Scalar? {
    switch self.separator {
    case nil: return nil
    case "tab", "\\t", "\t": return "\t"
    case let text?:
      guard text.unicodeScalars.count == 1, let scalar = text.unicodeScalars.first else {
        throw ValidationError("--separator takes one character, e.g. ';' or ',' or 'tab'")
      }
      return scalar
    }
  }
}
