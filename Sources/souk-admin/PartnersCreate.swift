import ArgumentParser
import SoukAPI
import SoukAPIServices
import SoukClient
import SoukTools

/// `souk-admin partners create`: registers a partner shop (ACTIVE, version 1).
struct PartnersCreate: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "create",
    abstract: "Register a partner shop.",
    discussion: """
      Example:
        souk-admin partners create --name "Boutique Atlas" --website https://atlas.example \\
          --contact-name "Karim Alaoui" --email karim@atlas.example --phone 0612345679
      Then give it a key: souk-admin keys issue --kind partner --id ID --label "..."
      """)

  @OptionGroup var connection: ConnectionOptions

  @Option(help: "The shop's name as shoppers know it.")
  var name: String

  @Option(help: "The shop's public address, an HTTPS URL (optional).")
  var website: String?

  @OptionGroup var contact: ContactOptions

  @Flag(help: "Print the partner as JSON.")
  var json = false

  func validate() throws {
    guard self.contact.name != nil, self.contact.phone != nil || self.contact.email != nil else {
      throw ValidationError("give the contact's --contact-name and a --phone or --email")
    }
  }

  func run() async throws {
    var request = SoukAdminV1.CreatePartnerRequest()
    request.idempotencyKey = ToolSession.idempotencyKey()
    request.name = self.name
    request.websiteUrl = self.website ?? ""
    request.contact = self.contact.contact
    let partner = try await ToolSession.run(self.connection) { client in
      try await client.call(SoukAdminV1.AdminService.Method.CreatePartner.self, request)
    }
    PartnerTable.show([partner], json: self.json)
    if !self.json {
      print("\nCreated partner \(partner.id). Give it a key:")
      print("  souk-admin keys issue --kind partner --id \(partner.id) --label \"...\"")
    }
  }
}
