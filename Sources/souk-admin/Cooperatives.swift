import ArgumentParser

/// `souk-admin cooperatives`: the cooperatives that sell on Souk.
struct Cooperatives: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Register, list, change, suspend and reactivate cooperatives.",
    subcommands: [
      CooperativesList.self, CooperativesCreate.self, CooperativesUpdate.self, CooperativesSuspend.self,
      CooperativesActivate.self,
    ],
    defaultSubcommand: CooperativesList.self)
}
