import ArgumentParser
import SoukAPI
import SoukAPIServices
import SoukClient
import SoukTools

/// `souk-coop orders deliver ID`: Record that a shipped fulfilment reached the customer.
struct OrdersDeliver: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "deliver", abstract: "Record that a shipped fulfilment reached the customer.")

  @Argument(help: "The fulfilment id (the FULFILMENT column of `orders list`).")
  var fulfilment: String

  @OptionGroup var connection: ConnectionOptions

  func run() async throws {
    try await ToolSession.run(self.connection) { client in
      var request = SoukOrdersV1.MarkDeliveredRequest()
      request.idempotencyKey = ToolSession.idempotencyKey()
      request.fulfilmentId = self.fulfilment
      let order = try await client.call(SoukOrdersV1.OrderService.Method.MarkDelivered.self, request)
      FulfilmentStep.report(order, fulfilmentID: self.fulfilment)
    }
  }
}
