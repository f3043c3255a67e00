import ArgumentParser
import SoukAPI
import SoukTools

/// `souk-admin cooperatives activate ID`: sets the cooperative's status to active.
struct CooperativesActivate: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "activate",
    abstract: "Reactivate a suspended cooperative.")

  @OptionGroup var connection: ConnectionOptions

  @Argument(help: "The cooperative's id.")
  var id: String

  @Flag(help: "Print the cooperative as JSON.")
  var json = false

  func run() async throws {
    try await CooperativesUpdate.setStatus(.active, id: self.id, connection: self.connection, json: self.json)
  }
}
