import ArgumentParser

/// The options `all` and `run` share; GRPCBench takes the same ones.
struct Options: ParsableArguments {
  @Option(help: ArgumentHelp("Measured seconds per workload.", valueName: "S"))
  var duration: Double = 10

  @Option(name: .customLong("warmup"), help: ArgumentHelp("Seconds run before measuring, not counted.", valueName: "S"))
  var warmUpSeconds: Double = 2

  @Option(
    help: ArgumentHelp("Event-loop threads of the client and, separately, of the server process.", valueName: "N"))
  var threads = 1

  @Option(help: ArgumentHelp("Messages per server-streaming call.", valueName: "N"))
  var messages = Payload.streamMessages

  func validate() throws {
    guard duration > 0 else { throw ValidationError("--duration \(duration): not > 0") }
    guard warmUpSeconds >= 0 else { throw ValidationError("--warmup \(warmUpSeconds): negative") }
    guard threads > 0 else { throw ValidationError("--threads \(threads): not > 0") }
    guard messages > 0, messages <= Int(UInt32.max) else {
      throw ValidationError("--messages \(messages): out of range")
    }
  }

  /// The settings the client workloads use.
  var settings: ClientWorkloads.Settings {
    ClientWorkloads.Settings(
      warmUp: Duration(secondsValue: warmUpSeconds),
      duration: Duration(secondsValue: duration),
      streamMessages: messages
    )
  }
}
