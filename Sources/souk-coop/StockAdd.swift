import ArgumentParser
import SoukAPI
import SoukAPIServices
import SoukClient
import SoukTools

/// `souk-coop stock add SKU N`: adds (or, negative, removes) units atomically.
struct StockAdd: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "add",
    abstract: "Add units to a product's stock; a negative number removes them (e.g. -- -3).",
    discussion: "Safe while orders come in: the server adds the change to the current count. Never below zero."
  )

  @Argument(help: "The product's SKU.")
  var sku: String

  @Argument(help: "How many units to add; negative to remove (write `--` before it: stock add SKU -- -3).")
  var delta: Int64

  @Option(help: "Why, recorded with the change (e.g. \"new harvest\").")
  var note: String?

  @OptionGroup var connection: ConnectionOptions

  func validate() throws {
    guard self.delta != 0 else { throw ValidationError("the change is not zero") }
  }

  func run() async throws {
    try await ToolSession.run(self.connection) { client in
      let product = try await ProductLookup.product(client, sku: self.sku)
      var request = SoukCatalogV1.AdjustStockRequest()
      request.idempotencyKey = ToolSession.idempotencyKey()
      request.productId = product.id
      request.delta = self.delta
      request.note = self.note ?? ""
      let updated = try await client.call(SoukCatalogV1.CatalogService.Method.AdjustStock.self, request)
      Console.out("\(updated.sku): stock \(product.stock) -> \(updated.stock)")
    }
  }
}
