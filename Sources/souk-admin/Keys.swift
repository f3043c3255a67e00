import ArgumentParser

/// `souk-admin keys`: the API keys admins, partners and cooperatives call with.
struct Keys: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Issue, list and revoke API keys.",
    subcommands: [KeysList.self, KeysIssue.self, KeysRevoke.self],
    defaultSubcommand: KeysList.self)
}
