import ArgumentParser
import SoukAPI
import SoukTools

/// `souk-admin cooperatives suspend ID`: sets the cooperative's status to suspended.
struct CooperativesSuspend: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "suspend",
    abstract: "Suspend a cooperative: none of its products can be ordered; orders in progress continue.")

  @OptionGroup var connection: ConnectionOptions

  @Argument(help: "The cooperative's id.")
  var id: String

  @Flag(help: "Print the cooperative as JSON.")
  var json = false

  func run() async throws {
    try await CooperativesUpdate.setStatus(.suspended, id: self.id, connection: self.connection, json: self.json)
  }
}
