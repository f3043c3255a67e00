import ArgumentParser

/// `souk-admin partners`: the e-shops that sell Souk's catalog.
struct Partners: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Register, list, suspend and reactivate partner shops.",
    subcommands: [PartnersList.self, PartnersCreate.self, PartnersSuspend.self, PartnersActivate.self],
    defaultSubcommand: PartnersList.self)
}
