import ArgumentParser
import SoukAPI
import SoukAPIServices
import SoukClient
import SoukTools

/// `souk-admin cooperatives update ID`: changes only the fields given.
struct CooperativesUpdate: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "update",
    abstract: "Change a cooperative's details; only the options given change.",
    discussion: """
      Giving one language of the name keeps the others as they are. With --expected-version the change is made
      only if nobody changed the cooperative since you read that version.
      """)

  @OptionGroup var connection: ConnectionOptions

  @Argument(help: "The cooperative's id.")
  var id: String

  @Option(name: .customLong("expected-version"), help: "Refuse the change unless the cooperative is at this version.")
  var expectedVersion: UInt64?

  @Option(name: .customLong("name-fr"), help: "A new French name.")
  var nameFr: String?

  @Option(name: .customLong("name-ar"), help: "A new Arabic name.")
  var nameAr: String?

  @Option(name: .customLong("name-en"), help: "A new English name.")
  var nameEn: String?

  @Option(help: "A new region.")
  var region: Choice<SoukCommonV1.Region>?

  @Option(help: "A new province.")
  var province: String?

  @Option(help: "A new city.")
  var city: String?

  @Option(help: "A new sector.")
  var sector: Choice<SoukCommonV1.Sector>?

  @OptionGroup var contact: ContactOptions

  @Option(name: .customLong("registration-number"), help: "A new registration number; empty to clear it.")
  var registrationNumber: String?

  @Flag(help: "Print the cooperative as JSON.")
  var json = false

  func run() async throws {
    var request = SoukAdminV1.UpdateCooperativeRequest()
    request.idempotencyKey = ToolSession.idempotencyKey()
    request.cooperativeId = self.id
    request.expectedVersion = self.expectedVersion
    request.region = self.region?.value
    request.province = self.province
    request.city = self.city
    request.sector = self.sector?.value
    request.registrationNumber = self.registrationNumber
    let renames = self.nameFr != nil || self.nameAr != nil || self.nameEn != nil
    let cooperative = try await ToolSession.run(self.connection) { client in
      if renames {
        // A new name replaces every language, so start from the current one.
        var get = SoukCatalogV1.GetCooperativeRequest()
        get.cooperativeId = self.id
        let current = try await client.call(SoukCatalogV1.CatalogService.Method.GetCooperative.self, get)
        var name = current.name ?? SoukCommonV1.LocalizedText()
        name.fr = self.nameFr ?? name.fr
        name.ar = self.nameAr ?? name.ar
        name.en = self.nameEn ?? name.en
        request.name = name
      }
      if self.contact.isGiven {
        request.contact = self.contact.contact
      }
      return try await client.call(SoukAdminV1.AdminService.Method.UpdateCooperative.self, request)
    }
    CooperativesList.show([cooperative], json: self.json)
  }

  /// Sets a cooperative's status and prints it: what `suspend` and `activate` do.
  static func setStatus(
    _ status: SoukCatalogV1.CooperativeStatus,
    id: String,
    connection: ConnectionOptions,
    json: Bool
  ) async throws {
    var request = SoukAdminV1.UpdateCooperativeRequest()
    request.idempotencyKey = ToolSession.idempotencyKey()
    request.cooperativeId = id
    request.status = status
    let cooperative = try await ToolSession.run(connection) { client in
      try await client.call(SoukAdminV1.AdminService.Method.UpdateCooperative.self, request)
    }
    CooperativesList.show([cooperative], json: json)
  }
}
