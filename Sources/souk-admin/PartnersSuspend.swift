import ArgumentParser
import SoukAPI
import SoukAPIServices
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
    try await PartnersSuspend.setStatus(.suspended, id: self.id, connection: self.connection, json: self.json)
  }

  /// Sets the partner's status and shows the partner (shared with `partners activate`).
  static func setStatus(
    _ status: SoukAdminV1.PartnerStatus,
    id: String,
    connection: ConnectionOptions,
    json: Bool
  ) async throws {
    var request = SoukAdminV1.UpdatePartnerRequest()
    request.idempotencyKey = ToolSession.idempotencyKey()
    request.partnerId = id
    request.status = status
    let partner = try await ToolSession.run(connection) { client in
      try await client.call(SoukAdminV1.AdminService.Method.UpdatePartner.self, request)
    }
    PartnerTable.show([partner], json: json)
  }
}
