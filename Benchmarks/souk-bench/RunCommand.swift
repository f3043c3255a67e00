import ArgumentParser

/// `souk-bench run`: one workload given by `--workload`, `--in-flight` and `--connections`.
struct RunCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "run",
    abstract: "Runs one workload."
  )

  @Option(help: "What one operation is.")
  var workload: Workload.Kind

  @Option(
    name: .customLong("in-flight"),
    help: ArgumentHelp("Operations outstanding at once, over all connections.", valueName: "N")
  )
  var inFlight = 1

  @Option(
    help: ArgumentHelp(
      "Connections the in-flight operations are spread over; --in-flight must be a multiple.",
      valueName: "C"
    )
  )
  var connections = 1

  @OptionGroup var options: Options

  func validate() throws {
    guard inFlight > 0, connections > 0 else { throw ValidationError("--in-flight and --connections must be > 0") }
    guard inFlight % connections == 0 else {
      throw ValidationError("--in-flight must be a multiple of --connections")
    }
  }

  func run() async throws {
    try await BenchmarkRun(options: options).execute([
      Workload(kind: workload, inFlight: inFlight, connections: connections)
    ])
  }
}
