import ArgumentParser
import SoukAPI
import SoukAPIServices
import SoukClient
import SoukTools

/// `souk-coop orders accept ID`: Accept a pending fulfilment: you will prepare and ship it.
struct OrdersAccept: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "accept", abstract: "Accept a pending fulfilment: you will prepare and ship it.")

  @Argument(help: "The fulfilment id (the FULFILMENT column of `orders list`).")
  var fulfilment: String

  @OptionGroup var connection: ConnectionOptions

  func run() async throws {
    try await ToolSession.run(self.connection) { client in
      var request = SoukOrdersV1.AcceptFulfilmentRequest()
      request.idempotencyKey = ToolSession.idempotencyKey()
      request.fulfilmentId = self.fulfilment
      let order = try await client.call(SoukOrdersV1.OrderService.Method.AcceptFulfilment.self, request)
      FulfilmentStep.report(order, fulfilmentID: self.fulfilment)
    }
  }
}
