import SoukServerTestSupport

extension ToolProcess {
  /// Runs `souk-admin arguments` with no `SOUK_*` variables in its environment (but `extra`) and waits for it to
  /// exit.
  static func admin(_ arguments: [String], environment extra: [String: String] = [:]) async throws -> ToolRun {
    try await Self.run(
      "souk-admin", arguments, environment: Self.inheritedEnvironment(without: "SOUK_", adding: extra))
  }

  /// Runs `souk-coop arguments` with `environment` (and nothing else from this process's environment but a
  /// `PATH`, unless `environment` sets one) and waits for it to exit.
  static func coop(_ arguments: [String], environment: [String: String]) async throws -> ToolRun {
    try await Self.run(
      "souk-coop", arguments, environment: environment.merging(["PATH": "/usr/bin:/bin"]) { given, _ in given })
  }
}
