import ArgumentParser

/// `souk-bench serve`: be the server; `all` and `run` start it as their child process.
struct ServeCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "serve",
    abstract: "Serves the benchmark service (the child process that all and run start)."
  )

  @Option(
    name: .customLong("cert-dir"),
    help: ArgumentHelp("The folder holding the development certificates.", valueName: "DIR")
  )
  var certificateFolder: String

  @Option(help: ArgumentHelp("Event-loop threads of the server.", valueName: "N"))
  var threads = 1

  func run() async throws {
    try await BenchServer.serve(certificateFolder: certificateFolder, threads: threads)
  }
}
