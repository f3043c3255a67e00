import ArgumentParser
import SoukAPI
import SoukAPIServices
import SoukClient
import SoukTools

/// `souk-coop orders refuse ID --reason TEXT`: declines a pending or accepted fulfilment; its stock goes back.
struct OrdersRefuse: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "refuse",
    abstract: "Decline a pending or accepted fulfilment, with a reason; its stock is put back."
  )

  @Argument(help: "The fulfilment id (the FULFILMENT column of `orders list`).")
  var fulfilment: String

  @Option(help: "Why, for the shop and its customer (required).")
  var reason: String

  @OptionGroup var connection: ConnectionOptions

  func run() async throws {
    try await ToolSession.run(self.connection) { client in
      var request = SoukOrdersV1.RefuseFulfilmentRequest()
      request.idempotencyKey = ToolSession.idempotencyKey()
      request.fulfilmentId = self.fulfilment
      request.reason = self.reason
      let order = try await client.call(SoukOrdersV1.OrderService.Method.RefuseFulfilment.self, request)
      FulfilmentStep.report(order, fulfilmentID: self.fulfilment)
    }
  }
}
