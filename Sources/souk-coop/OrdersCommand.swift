import ArgumentParser

/// `souk-coop orders`: the cooperative's part of the orders placed with it.
struct OrdersCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "orders",
    abstract: "List and watch your orders, and move your fulfilments along.",
    subcommands: [
      OrdersList.self, OrdersWatch.self, OrdersAccept.self, OrdersRefuse.self, OrdersShip.self, OrdersDeliver.self,
    ]
  )
}
