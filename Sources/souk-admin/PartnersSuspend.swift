import ArgumentParser
import SoukAPI
import SoukClient
import SoukTools

/// `souk-admin partners suspend ID`: sets the partner's status to suspended.
struct PartnersSuspend: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "suspend",
    abstract: "Suspend a partner: its keys may still read and follow orders, but not place any.")

  @OptionGroup var connection: ConnectionOptions

  @Argument(help: "The partner's id.")
  var id: String

  @Flag(help: "Print the partner as JSON.")
  var json = false

  func run() async throws {
    var request = SoukAdminV1.UpdatePartnerRequest()
    request.idempotencyKey = AdminSession.idempotencyKey()
    request.partnerId = self.id
    request.status = .suspended
    let partner = try await AdminSession.run(self.connection) { client in
      try await client.call(SoukAdminV1.AdminService.Method.UpdatePartner.self, request)
    }
    PartnerTable.show([partner], json: self.json)
  }
}
