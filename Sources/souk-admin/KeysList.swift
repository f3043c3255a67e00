import ArgumentParser
import SoukAPI
import SoukAPIServices
import SoukClient
import SoukTools

/// `souk-admin keys list`: API keys, newest first, never their secrets.
struct KeysList: AsyncParsableCommand {
  static let configuration = CommandConfiguration(commandName: "list", abstract: "List API keys (never secrets).")

  @OptionGroup var connection: ConnectionOptions

  @Option(help: "Only keys of this kind: admin, partner or cooperative.")
  var kind: Choice<SoukCommonV1.PrincipalKind>?

  @Option(help: "Only keys of this partner or cooperative (with --kind).")
  var id: String?

  @Option(help: "Only the key with this prefix, e.g. one seen in a log.")
  var prefix: String?

  @Flag(name: .customLong("include-revoked"), help: "Also list revoked keys.")
  var includeRevoked = false

  @OptionGroup var format: OutputFormat

  func validate() throws {
    if self.id != nil && self.kind == nil { throw ValidationError("--id needs --kind partner or cooperative") }
  }

  func run() async throws {
    var request = SoukAdminV1.ListApiKeysRequest()
    if let kind = self.kind {
      var principal = SoukCommonV1.Principal()
      principal.kind = kind.value
      principal.id = self.id ?? ""
      request.principal = principal
    }
    request.prefix = self.prefix ?? ""
    request.includeRevoked = self.includeRevoked
    request.page = SoukCommonV1.PageRequest()
    request.page?.pageSize = 500
    var json = self.format.jsonOutput()
    var table = KeyTable()
    var count = 0
    try await ToolSession.run(self.connection) { client in
      while true {
        let response = try await client.call(SoukAdminV1.AdminService.Method.ListApiKeys.self, request)
        for key in response.apiKeys {
          if json != nil { json?.append(JSONValue(key)) } else { table.append(key) }
        }
        count += response.apiKeys.count
        if response.nextPageToken.isEmpty { break }
        request.page?.pageToken = response.nextPageToken
      }
    }
    if let json {
      json.finish()
    } else {
      print(count == 0 ? "No keys match.\n" : table.table.render(), terminator: "")
    }
  }
}
