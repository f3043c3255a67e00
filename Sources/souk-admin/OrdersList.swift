import ArgumentParser
import SoukAPI
import SoukClient
import SoukTools

/// `souk-admin orders list`: the orders matching the filters, newest first, as a table or JSON.
struct OrdersList: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "list",
    abstract: "List orders matching every filter of the admin service.",
    discussion: """
      Amounts are in MAD; times are in Morocco's time (Africa/Casablanca). Examples:
        souk-admin orders list --status placed --region fes-meknes
        souk-admin orders list --from 2025-03-01 --to 2025-03-31 --outstanding --json
      """)

  @OptionGroup var connection: ConnectionOptions
  @OptionGroup var filters: OrderFilterOptions
  @OptionGroup var format: OutputFormat

  @Option(help: "The most orders to show; 0 for all.")
  var limit = 50

  func validate() throws {
    guard self.limit >= 0 else { throw ValidationError("--limit must be 0 (all) or more") }
  }

  func run() async throws {
    let request = try self.filters.request(pageSize: self.limit == 0 ? 500 : min(self.limit, 500))
    let limit = self.limit == 0 ? Int.max : self.limit
    var json = self.format.jsonOutput()
    var table = OrderTable()
    var shown = 0
    let more = try await ToolSession.run(self.connection) { client in
      try await OrderPages(client: client, request: request).walk { orders in
        for order in orders.prefix(limit - shown) {
          if json != nil {
            json?.append(JSONValue(order))
          } else {
            table.append(order)
          }
        }
        shown += min(orders.count, limit - shown)
        return shown < limit
      }
    }
    if let json {
      json.finish()
    } else if shown == 0 {
      print("No orders match.")
    } else {
      print(table.table.render(), terminator: "")
    }
    if more {
      ToolSession.printError("(showing the first \(shown) orders; more match: raise --limit, or --limit 0 for all)")
    }
  }
}
