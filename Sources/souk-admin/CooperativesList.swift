import ArgumentParser
import SoukAPI
import SoukAPIServices
import SoukClient
import SoukTools

/// `souk-admin cooperatives list`: cooperatives of every status, with filters.
struct CooperativesList: AsyncParsableCommand {
  static let configuration = CommandConfiguration(commandName: "list", abstract: "List cooperatives.")

  @OptionGroup var connection: ConnectionOptions

  @Option(help: "Only these statuses: active, suspended.")
  var status: [Choices<SoukCatalogV1.CooperativeStatus>] = []

  @Option(help: "Only these regions.")
  var region: [Choices<SoukCommonV1.Region>] = []

  @Option(help: "Only these sectors.")
  var sector: [Choices<SoukCommonV1.Sector>] = []

  @Option(help: "Free text matched against the names, city and province.")
  var query: String?

  @OptionGroup var format: OutputFormat

  func run() async throws {
    var request = SoukCatalogV1.ListCooperativesRequest()
    request.statuses = self.status.flattened()
    request.regions = self.region.flattened()
    request.sectors = self.sector.flattened()
    request.query = self.query ?? ""
    request.page = SoukCommonV1.PageRequest()
    request.page?.pageSize = 500
    var json = self.format.jsonOutput()
    var table = CooperativeTable()
    var count = 0
    try await ToolSession.run(self.connection) { client in
      while true {
        let response = try await client.call(SoukAdminV1.AdminService.Method.ListCooperatives.self, request)
        for cooperative in response.cooperatives {
          if json != nil { json?.append(JSONValue(cooperative)) } else { table.append(cooperative) }
        }
        count += response.cooperatives.count
        if response.nextPageToken.isEmpty { break }
        request.page?.pageToken = response.nextPageToken
      }
    }
    if let json {
      json.finish()
    } else {
      print(count == 0 ? "No cooperatives match.\n" : table.table.render(), terminator: "")
    }
  }

  /// Prints cooperatives as a table, or each as one line of JSON.
  static func show(_ cooperatives: [SoukCatalogV1.Cooperative], json: Bool) {
    if json {
      for cooperative in cooperatives { print(JSONValue(cooperative).serialized()) }
      return
    }
    var table = CooperativeTable()
    for cooperative in cooperatives { table.append(cooperative) }
    print(table.table.render(), terminator: "")
  }
}
