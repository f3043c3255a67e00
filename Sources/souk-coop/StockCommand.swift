import ArgumentParser

/// `souk-coop stock`: stock counts.
struct StockCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "stock",
    abstract: "Set or adjust a product's stock.",
    subcommands: [StockSet.self, StockAdd.self]
  )
}
