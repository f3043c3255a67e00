import ArgumentParser
import SoukAPI
import SoukAPIServices
import SoukClient
import SoukTools

/// `souk-admin keys revoke ID`: stops a key at once and for good.
struct KeysRevoke: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "revoke",
    abstract: "Revoke an API key at once and for good (revoking a revoked key changes nothing).")

  @OptionGroup var connection: ConnectionOptions

  @Argument(help: "The key's id (see `keys list`).")
  var id: String

  @Flag(help: "Print the key as JSON.")
  var json = false

  func run() async throws {
    var request = SoukAdminV1.RevokeApiKeyRequest()
    request.apiKeyId = self.id
    let key = try await ToolSession.run(self.connection) { client in
      try await client.call(SoukAdminV1.AdminService.Method.RevokeApiKey.self, request)
    }
    KeyTable.show([key], json: self.json)
  }
}
