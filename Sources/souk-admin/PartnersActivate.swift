import ArgumentParser
import SoukAPI
import SoukClient
import SoukTools

/// `souk-admin partners activate ID`: sets the partner's status to active.
struct PartnersActivate: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "activate",
    abstract: "Reactivate a suspended partner.")

  @OptionGroup var connection: ConnectionOptions

  @Argument(help: "The partner's id.")
  var id: String

  @Flag(help: "Print the partner as JSON.")
  var json = false

  func run() async throws {
    var request = SoukAdminV1.UpdatePartnerRequest()
    request.idempotencyKey = AdminSession.idempotencyKey()
    request.partnerId = self.id
    request.status = .active
    let partner = try await AdminSession.run(self.connection) { client in
      try await client.call(SoukAdminV1.AdminService.Method.UpdatePartner.self, request)
    }
    PartnerTable.show([partner], json: self.json)
  }
}
