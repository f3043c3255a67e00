import ArgumentParser
import SoukAPI
import SoukClient
import SoukTools

/// `souk-coop products list`: the cooperative's products as a table.
struct ProductsList: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "list",
    abstract: "Show your products: SKU, title, status, price, unit and stock."
  )

  @Option(help: "Your cooperative's id (env SOUK_COOPERATIVE; default: found from your key).")
  var cooperative: String?

  @OptionGroup var connection: ConnectionOptions

  func run() async throws {
    var table = TextTable(columns: [
      .init("SKU"), .init("TITLE"), .init("STATUS"), .init("PRICE (MAD)", alignment: .right), .init("UNIT"),
      .init("STOCK", alignment: .right),
    ])
    try await ToolSession.run(self.connection) { client in
      let cooperativeID = try await CooperativeIdentity.resolve(client, given: self.cooperative)
      try await ProductPages.forEach(client, cooperativeID: cooperativeID) { products in
        for product in products {
          let title = [product.title?.fr, product.title?.ar, product.title?.en]
            .compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " / ")
          table.append([
            product.sku, title, StatusName.name(of: product.status),
            product.price.map { PriceText.format(centimes: $0.amountMinor) } ?? "",
            product.unit.map(UnitText.format) ?? "", String(product.stock),
          ])
        }
      }
    }
    Console.out(table.lines().joined(separator: "\n"))
    Console.error("\(table.rows.count) products.")
  }
}
