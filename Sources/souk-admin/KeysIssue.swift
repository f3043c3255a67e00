import ArgumentParser
import SoukAPI
import SoukAPIServices
import SoukClient
import SoukMarket
import SoukTools

/// `souk-admin keys issue`: a new API key for an admin, a partner or a cooperative; prints its secret once.
struct KeysIssue: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "issue",
    abstract: "Issue an API key and print its secret (shown this once).",
    discussion: """
      Examples:
        souk-admin keys issue --kind partner --id PARTNER_ID --label "shop production server"
        souk-admin keys issue --kind admin --label "Samira, admin laptop"
      Not idempotent: running it twice makes two keys. If the output is lost, find the key with `keys list`,
      revoke it and issue another.
      """)

  @OptionGroup var connection: ConnectionOptions

  @Option(help: "Whose key: admin, partner or cooperative.")
  var kind: Choice<SoukCommonV1.PrincipalKind>

  @Option(help: "The partner's or cooperative's id (none for an admin key).")
  var id: String?

  @Option(help: "What the key is for or who holds it, 1 to 100 characters.")
  var label: String

  @Option(help: "The last day the key works, YYYY-MM-DD (default: it does not expire).")
  var expires: Day?

  @Flag(help: "Print the key and its secret as JSON.")
  var json = false

  func validate() throws {
    switch self.kind.value {
    case .admin:
      guard self.id == nil else { throw ValidationError("an admin key belongs to no --id; leave it out") }
    default:
      guard let id, !id.isEmpty else {
        throw ValidationError("give the \(EnumName.kebab(self.kind.value))'s --id")
      }
    }
  }

  func run() async throws {
    var request = SoukAdminV1.IssueApiKeyRequest()
    var principal = SoukCommonV1.Principal()
    principal.kind = self.kind.value
    principal.id = self.id ?? ""
    request.principal = principal
    request.label = self.label
    if let expires = self.expires {
      guard let end = MoroccoTime.adding(days: 1, to: expires.date).flatMap(MoroccoTime.startTimestamp(of:)) else {
        throw ValidationError("--expires is out of range")
      }
      request.expiresAt = end
    }
    let response = try await ToolSession.run(self.connection) { client in
      try await client.call(SoukAdminV1.AdminService.Method.IssueApiKey.self, request)
    }
    if self.json {
      print(
        JSONValue.members([("api_key", response.apiKey.map(JSONValue.init)), ("secret", .string(response.secret))])
          .serialized())
    } else {
      KeyTable.show(response.apiKey.map { [$0] } ?? [], json: false)
      print("\nSecret: \(response.secret)")
    }
    ToolSession.printError(
      """
      warning: this is the only time the secret is shown; Souk keeps only its hash. Hand it to its holder over a \
      secure channel and do not paste it into chats, tickets or logs.
      """)
  }
}
