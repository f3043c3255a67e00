import ArgumentParser

/// `souk-bench all`: every workload of ``Workload/all``, one table row each.
struct AllCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "all",
    abstract: "Runs every workload, one table row each."
  )

  @OptionGroup var options: Options

  func run() async throws {
    try await BenchmarkRun(options: options).execute(Workload.all)
  }
}
