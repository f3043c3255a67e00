import ArgumentParser
import SoukAPI
import SoukAPIServices
import SoukClient
import SoukTools

/// `souk-admin partners list`: partner shops, oldest first.
struct PartnersList: AsyncParsableCommand {
  static let configuration = CommandConfiguration(commandName: "list", abstract: "List partner shops.")

  @OptionGroup var connection: ConnectionOptions

  @Option(help: "Only these statuses: active, suspended.")
  var status: [Choices<SoukAdminV1.PartnerStatus>] = []

  @Option(help: "Free text matched against the name and website.")
  var query: String?

  @OptionGroup var format: OutputFormat

  func run() async throws {
    var request = SoukAdminV1.ListPartnersRequest()
    request.statuses = self.status.flattened()
    request.query = self.query ?? ""
    request.page = SoukCommonV1.PageRequest()
    request.page?.pageSize = 500
    var json = self.format.jsonOutput()
    var table = PartnerTable()
    var count = 0
    try await ToolSession.run(self.connection) { client in
      while true {
        let response = try await client.call(SoukAdminV1.AdminService.Method.ListPartners.self, request)
        for partner in response.partners {
          if json != nil { json?.append(JSONValue(partner)) } else { table.append(partner) }
        }
        count += response.partners.count
        if response.nextPageToken.isEmpty { break }
        request.page?.pageToken = response.nextPageToken
      }
    }
    if let json {
      json.finish()
    } else {
      print(count == 0 ? "No partners match.\n" : table.table.render(), terminator: "")
    }
  }
}
