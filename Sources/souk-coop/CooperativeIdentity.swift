import ArgumentParser
import Foundation
import SoukAPI
import SoukAPIServices
import SoukClient
import SoukTools

/// Finds the id of the cooperative a key belongs to, for the calls that must name it (listing its products):
/// `--cooperative` or `SOUK_COOPERATIVE` when given (an admin key needs it), else the server's answer to
/// `AccountService.GetCaller`.
enum CooperativeIdentity {
  /// The caller's cooperative id.
  static func resolve(
    _ client: SoukClient,
    given: String?,
    environment: [String: String] = ProcessInfo.processInfo.environment
  ) async throws -> String {
    if let given = given ?? environment["SOUK_COOPERATIVE"], !given.isEmpty {
      return given
    }
    let caller = try await client.call(SoukAccountsV1.AccountService.Method.GetCaller.self, .init())
    guard caller.principal?.kind == .cooperative, let id = caller.principal?.id, !id.isEmpty else {
      throw ToolFailure(
        "error: this key is not a cooperative's; use your cooperative's key (an admin passes --cooperative ID)",
        exitCode: ExitCode(6))
    }
    return id
  }
}
