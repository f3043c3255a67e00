import ArgumentParser
import SoukAPI
import SoukAPIServices
import SoukClient
import SoukTools

/// `souk-coop orders ship ID --carrier NAME --tracking REF`: hands an accepted fulfilment to a carrier.
struct OrdersShip: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "ship",
    abstract: "Record that an accepted fulfilment was handed to a carrier, with its tracking reference."
  )

  @Argument(help: "The fulfilment id (the FULFILMENT column of `orders list`).")
  var fulfilment: String

  @Option(help: "The carrier, e.g. \"Amana\" or \"own courier\".")
  var carrier: String?

  @Option(help: "The carrier's tracking reference.")
  var tracking: String?

  @OptionGroup var connection: ConnectionOptions

  func run() async throws {
    try await ToolSession.run(self.connection) { client in
      var request = SoukOrdersV1.ShipFulfilmentRequest()
      request.idempotencyKey = ToolSession.idempotencyKey()
      request.fulfilmentId = self.fulfilment
      request.carrier = self.carrier ?? ""
      request.trackingReference = self.tracking ?? ""
      let order = try await client.call(SoukOrdersV1.OrderService.Method.ShipFulfilment.self, request)
      FulfilmentStep.report(order, fulfilmentID: self.fulfilment)
    }
  }
}
