import ArgumentParser
import SoukAPI
import SoukAPIServices
import SoukClient
import SoukTools

/// `souk-admin orders show ID`: one order with its lines, fulfilments, payments, full history, partner and
/// cooperatives.
struct OrdersShow: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "show",
    abstract: "Show one order: lines, fulfilments, payments and its full history.")

  @OptionGroup var connection: ConnectionOptions

  @Argument(help: "The order's id (see `orders list`).")
  var id: String

  @Flag(help: "Print the order details as one JSON object.")
  var json = false

  func run() async throws {
    var request = SoukAdminV1.GetOrderDetailsRequest()
    request.orderId = self.id
    let details = try await ToolSession.run(self.connection) { client in
      try await client.call(SoukAdminV1.AdminService.Method.GetOrderDetails.self, request)
    }
    if self.json {
      print(JSONValue(details).serialized())
    } else {
      print(OrderDetailsText(details: details).render(), terminator: "")
    }
  }
}
