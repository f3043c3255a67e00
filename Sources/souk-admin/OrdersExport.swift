import ArgumentParser
import Foundation
import SoukAPI
import SoukClient
import SoukTools

/// `souk-admin orders export --csv`: every order matching the filters as CSV, written page by page as the
/// pages arrive, so that exports of any size use the memory of one page.
struct OrdersExport: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "export",
    abstract: "Export every order matching the filters as CSV (UTF-8, header row, one row per order).",
    discussion: """
      One row per order; the items column sums up its lines ("2 x ARGAN-250; 1 x AMLOU-500"). Amounts are plain
      decimals in MAD (1234.50), times are Morocco's. Orders are written oldest first.
      With --output, the file appears only once the export is complete.
      """)

  @OptionGroup var connection: ConnectionOptions
  @OptionGroup var filters: OrderFilterOptions

  @Flag(help: "Write CSV (the only format for now; required so that a later format is never a surprise).")
  var csv = false

  @Option(name: [.short, .long], help: "Write to this file instead of standard output.")
  var output: String?

  @Option(name: .customLong("page-size"), help: "Orders per request, 1 to 1000.")
  var pageSize = 500

  func validate() throws {
    guard self.csv else { throw ValidationError("say which format: --csv") }
    guard (1...1000).contains(self.pageSize) else { throw ValidationError("--page-size must be 1 to 1000") }
  }

  func run() async throws {
    var filters = self.filters
    // An export reads like a ledger, oldest first; the flag stays meaningful for list.
    filters.oldestFirst = true
    let request = try filters.request(pageSize: self.pageSize)
    let sink = try CSVSink(path: self.output)
    var count = 0
    do {
      try sink.write(OrderCSV.record(OrderCSV.header))
      try await ToolSession.run(self.connection) { client in
        try await OrderPages(client: client, request: request).walk { orders in
          try sink.write(orders.map { OrderCSV.record(OrderCSV.fields($0)) }.joined())
          count += orders.count
          return true
        }
      }
      try sink.finish()
    } catch {
      sink.abandon()
      throw error
    }
    if let output = self.output {
      ToolSession.printError("Exported \(count) orders to \(output).")
    }
  }
}
