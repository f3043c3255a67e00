import ArgumentParser

/// `souk-admin orders`: inspecting every order of the marketplace.
struct Orders: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "List, show and export orders.",
    subcommands: [OrdersList.self, OrdersShow.self, OrdersExport.self],
    defaultSubcommand: OrdersList.self)
}
