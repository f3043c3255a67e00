import ArgumentParser
import SoukAPI
import SoukAPIServices
import SoukClient
import SoukTools

/// `souk-coop stock set SKU N`: sets the stock after a stock take.
struct StockSet: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "set",
    abstract: "Set a product's stock to a count (after a stock take)."
  )

  @Argument(help: "The product's SKU.")
  var sku: String

  @Argument(help: "The new stock, zero or more.")
  var count: Int64

  @OptionGroup var connection: ConnectionOptions

  func validate() throws {
    guard self.count >= 0 else { throw ValidationError("the stock is zero or more; use `stock add` to remove units") }
  }

  func run() async throws {
    try await ToolSession.run(self.connection) { client in
      let product = try await ProductLookup.product(client, sku: self.sku)
      var request = SoukCatalogV1.SetStockRequest()
      request.idempotencyKey = ToolSession.idempotencyKey()
      request.productId = product.id
      request.stock = self.count
      let updated = try await client.call(SoukCatalogV1.CatalogService.Method.SetStock.self, request)
      Console.out("\(updated.sku): stock \(product.stock) -> \(updated.stock)")
    }
  }
}
