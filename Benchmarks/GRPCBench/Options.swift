/// The command line; souk-bench takes the same one.
///
/// ```
/// GRPCBench all [--duration S] [--warmup S] [--threads N] [--messages N]
/// GRPCBench run --workload unary|stream|connect [--in-flight N] [--connections C]
///               [--duration S] [--warmup S] [--threads N] [--messages N]
/// GRPCBench serve --cert-dir DIR [--threads N]      (the server child process that run and all start)
/// ```
struct Options: Sendable {
  struct UsageError: Error, CustomStringConvertible {
    var description: String
  }

  /// What to do.
  enum Command: String, Sendable {
    /// Every workload of ``Workload/all``, one table row each.
    case all
    /// One workload given by `--workload`, `--in-flight` and `--connections`.
    case run
    /// Be the server (internal: started by `all` and `run` as a child process).
    case serve
  }

  static let usage = """
    usage: GRPCBench all [--duration S] [--warmup S] [--threads N] [--messages N]
           GRPCBench run --workload unary|stream|connect [--in-flight N] [--connections C]
                         [--duration S] [--warmup S] [--threads N] [--messages N]
      --duration S     measured seconds per workload (default 10)
      --warmup S       seconds run before measuring, not counted (default 2)
      --in-flight N    operations outstanding at once, over all connections (default 1)
      --connections C  connections the in-flight operations are spread over; N must be a multiple (default 1)
      --threads N      event-loop threads of the client and, separately, of the server process (default 1)
      --messages N     messages per server-streaming call (default 100000)
    """

  var command: Command
  /// The workloads to run, in order.
  var workloads: [Workload]
  var duration: Duration = .seconds(10)
  var warmUp: Duration = .seconds(2)
  var threads = 1
  var streamMessages = Payload.streamMessages
  /// `serve` only: where the parent put the certificates.
  var certificateFolder: String?

  /// Parses the arguments after the program name.
  static func parse(_ arguments: [String]) throws -> Options {
    guard let first = arguments.first, let command = Command(rawValue: first) else {
      throw UsageError(description: "expected a command: all or run")
    }
    var options = Options(command: command, workloads: Workload.all)
    var workload = Workload(kind: .unary, inFlight: 1, connections: 1)
    var rest = arguments.dropFirst()
    while let name = rest.popFirst() {
      guard let value = rest.popFirst() else { throw UsageError(description: "\(name) needs a value") }
      switch name {
      case "--workload":
        guard let kind = Workload.Kind(rawValue: value) else {
          throw UsageError(description: "unknown workload \(value)")
        }
        workload.kind = kind
      case "--in-flight": workload.inFlight = try positive(name, value)
      case "--connections": workload.connections = try positive(name, value)
      case "--duration": options.duration = try seconds(name, value)
      case "--warmup": options.warmUp = try seconds(name, value, allowingZero: true)
      case "--threads": options.threads = try positive(name, value)
      case "--messages": options.streamMessages = try positive(name, value)
      case "--cert-dir": options.certificateFolder = value
      default: throw UsageError(description: "unknown option \(name)")
      }
    }
    if command == .run {
      guard workload.inFlight % workload.connections == 0 else {
        throw UsageError(description: "--in-flight must be a multiple of --connections")
      }
      options.workloads = [workload]
    }
    if command == .serve, options.certificateFolder == nil {
      throw UsageError(description: "serve needs --cert-dir")
    }
    return options
  }

  private static func positive(_ name: String, _ value: String) throws -> Int {
    guard let number = Int(value), number > 0 else { throw UsageError(description: "\(name) \(value): not > 0") }
    return number
  }

  private static func seconds(_ name: String, _ value: String, allowingZero: Bool = false) throws -> Duration {
    guard let number = Double(value), number > 0 || (allowingZero && number == 0) else {
      throw UsageError(description: "\(name) \(value): not a number of seconds")
    }
    return .milliseconds(Int64(number * 1000))
  }
}
