import ArgumentParser
import SoukAPI
import SoukAPIServices
import SoukClient
import SoukTools

/// `souk-coop orders list`: the orders with the cooperative's products, newest first.
struct OrdersList: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "list",
    abstract: "Show your orders, newest first: fulfilment id, order id, status, items and amount."
  )

  @Option(
    name: .long,
    help: "Only fulfilments in this status (repeatable): pending, accepted, shipped, delivered, ... ."
  )
  var status: [String] = []

  @OptionGroup var connection: ConnectionOptions

  func validate() throws {
    for text in self.status { _ = try FulfilmentStatusName.status(from: text) }
  }

  func run() async throws {
    var request = SoukOrdersV1.ListOrdersRequest()
    request.fulfilmentStatuses = try self.status.map(FulfilmentStatusName.status(from:))
    request.page = .init()
    request.page?.pageSize = 500
    var table = TextTable(columns: [
      .init("FULFILMENT"), .init("ORDER"), .init("PLACED"), .init("STATUS"), .init("ITEMS"),
      .init("AMOUNT (MAD)", alignment: .right), .init("CITY"),
    ])
    try await ToolSession.run(self.connection) { client in
      while true {
        let response = try await client.call(SoukOrdersV1.OrderService.Method.ListOrders.self, request)
        for order in response.orders {
          let fulfilment = OrderText.fulfilment(of: order)
          table.append([
            fulfilment?.id ?? "", order.id, OrderText.time(order.createdAt),
            fulfilment.map { FulfilmentStatusName.name(of: $0.status) } ?? "",
            OrderText.items(of: order, fulfilment: fulfilment), OrderText.money(fulfilment?.goodsTotal),
            order.customer?.deliveryAddress?.city ?? "",
          ])
        }
        guard !response.nextPageToken.isEmpty else { break }
        request.page?.pageToken = response.nextPageToken
      }
    }
    Console.out(table.lines().joined(separator: "\n"))
    Console.error("\(table.rows.count) orders.")
  }
}
