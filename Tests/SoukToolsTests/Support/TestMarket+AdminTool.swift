import Logging
import SoukServer
import SoukServerTestSupport

extension TestMarket {
  /// Settings for the tool tests' servers: only errors in the log, so that the tool's explanations stand out.
  static func logErrorsOnly(_ settings: inout ServerSettings) {
    settings.logLevel = .error
  }

  /// Runs `souk-admin` with `arguments` against this server, with its address, CA (unless `ca` is false) and the
  /// admin key (or `key`).
  func adminTool(_ arguments: [String], key: String? = nil, ca: Bool = true) async throws -> ToolRun {
    let connection =
      ["--address", self.address, "--key", key ?? self.admin.secret] + (ca ? ["--ca", self.caPath] : [])
    return try await ToolProcess.admin(arguments + connection)
  }
}
