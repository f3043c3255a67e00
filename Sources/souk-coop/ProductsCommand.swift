import ArgumentParser

/// `souk-coop products`: the cooperative's listings.
struct ProductsCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "products",
    abstract: "Import, export and list your products.",
    subcommands: [ProductsImport.self, ProductsExport.self, ProductsList.self]
  )
}
