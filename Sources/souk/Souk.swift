import ArgumentParser
import SoukServer

/// `souk`: the Souk marketplace server's command line.
@main
struct Souk: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "souk",
    abstract: "The Souk marketplace server.",
    subcommands: [ServeCommand.self]
  )
}
