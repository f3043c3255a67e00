import ArgumentParser

/// `souk-coop`: a cooperative keeps its listings, stock and fulfilments current with its own API key.
@main
struct SoukCoop: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "souk-coop",
    abstract: "Keep a cooperative's products, stock and orders on Souk current.",
    discussion: """
      Connect with your cooperative's key: --key or SOUK_KEY, --address or SOUK_ADDRESS, and --ca or SOUK_CA
      for a server with a development certificate (souk-data/tls/ca.pem).
      """,
    subcommands: [ProductsCommand.self, StockCommand.self, OrdersCommand.self]
  )
}
