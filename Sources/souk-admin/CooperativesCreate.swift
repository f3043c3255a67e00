import ArgumentParser
import SoukAPI
import SoukAPIServices
import SoukClient
import SoukTools

/// `souk-admin cooperatives create`: registers a cooperative (ACTIVE, version 1).
struct CooperativesCreate: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "create",
    abstract: "Register a cooperative.",
    discussion: """
      Example:
        souk-admin cooperatives create --name-fr "Coopérative Tighanimine" --name-ar "تعاونية تيغانمين" \\
          --region souss-massa --province "Chtouka Aït Baha" --city Tiznit --sector natural-cosmetics \\
          --contact-name "Fatima Oubella" --phone 0612345678
      Then give it a key: souk-admin keys issue --kind cooperative --id ID --label "..."
      """)

  @OptionGroup var connection: ConnectionOptions

  @Option(name: .customLong("name-fr"), help: "The name in French (this or --name-ar is required).")
  var nameFr: String?

  @Option(name: .customLong("name-ar"), help: "The name in Arabic.")
  var nameAr: String?

  @Option(name: .customLong("name-en"), help: "The name in English (optional).")
  var nameEn: String?

  @Option(name: .customLong("description-fr"), help: "A presentation in French (optional).")
  var descriptionFr: String?

  @Option(name: .customLong("description-ar"), help: "A presentation in Arabic (optional).")
  var descriptionAr: String?

  @Option(help: "The region, e.g. fes-meknes, souss-massa.")
  var region: Choice<SoukCommonV1.Region>

  @Option(help: "The province or prefecture.")
  var province: String

  @Option(help: "The city, commune or village.")
  var city: String

  @Option(help: "The main activity: handicraft, local-food, natural-cosmetics, services, other.")
  var sector: Choice<SoukCommonV1.Sector>

  @OptionGroup var contact: ContactOptions

  @Option(name: .customLong("registration-number"), help: "The ODCO registration number (optional).")
  var registrationNumber: String?

  @Flag(help: "Print the cooperative as JSON.")
  var json = false

  func validate() throws {
    guard self.nameFr != nil || self.nameAr != nil else { throw ValidationError("give --name-fr or --name-ar") }
    guard self.contact.name != nil, self.contact.phone != nil else {
      throw ValidationError("give the contact's --contact-name and --phone")
    }
  }

  func run() async throws {
    var request = SoukAdminV1.CreateCooperativeRequest()
    request.idempotencyKey = ToolSession.idempotencyKey()
    var name = SoukCommonV1.LocalizedText()
    name.fr = self.nameFr ?? ""
    name.ar = self.nameAr ?? ""
    name.en = self.nameEn ?? ""
    request.name = name
    if self.descriptionFr != nil || self.descriptionAr != nil {
      var description = SoukCommonV1.LocalizedText()
      description.fr = self.descriptionFr ?? ""
      description.ar = self.descriptionAr ?? ""
      request.description = description
    }
    request.region = self.region.value
    request.province = self.province
    request.city = self.city
    request.sector = self.sector.value
    request.contact = self.contact.contact
    request.registrationNumber = self.registrationNumber ?? ""
    let cooperative = try await ToolSession.run(self.connection) { client in
      try await client.call(SoukAdminV1.AdminService.Method.CreateCooperative.self, request)
    }
    CooperativesList.show([cooperative], json: self.json)
    if !self.json {
      print("\nCreated cooperative \(cooperative.id). Give it a key:")
      print("  souk-admin keys issue --kind cooperative --id \(cooperative.id) --label \"...\"")
    }
  }
}
