import ArgumentParser
import SoukAPI
import SoukTools

/// `souk-admin partners activate ID`: sets the partner's status to active.
struct PartnersActivate: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "activate",
    abstract: "Reactivate a suspended partner.")

  @OptionGroup var connection: ConnectionOptions

  @Argument(help: "The partner's id.")
  var id: String

  @Flag(help: "Print the partner as JSON.")
  var json = false

  func run() async throws {
    try await PartnersSuspend.setStatus(.active, id: self.id, connection: self.connection, json: self.json)
  }
}
