import ArgumentParser
import Foundation
import NIOCore
import NIOPosix
import SoukRPC
import SoukTLS

/// `souk-bench allocations`: heap allocations per unary call, client and server together in this one process,
/// over the in-process transport and over TLS on loopback, counted as swift-nio's allocation-counter tests count
/// them (malloc and friends replaced by counting ones, see CSoukAllocationCounter).
struct AllocationsCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "allocations",
    abstract: "Counts heap allocations per unary call, client and server together, per transport."
  )

  /// The transports measured, each with a client of one connection.
  private enum Transport: String, CaseIterable {
    case inProcess = "in-process"
    case tls = "TLS loopback"
  }

  @Option(help: ArgumentHelp("Unary calls counted per transport.", valueName: "N"))
  var calls = 10_000

  @Option(name: .customLong("warmup-calls"), help: ArgumentHelp("Unary calls made first, not counted.", valueName: "N"))
  var warmUpCalls = 1000

  @Option(
    name: .customLong("max-in-process"),
    help: ArgumentHelp("Fail if an in-process call makes more allocations than this.", valueName: "N")
  )
  var maxInProcess: Double?

  @Option(
    name: .customLong("max-tls"),
    help: ArgumentHelp("Fail if a call over TLS makes more allocations than this.", valueName: "N")
  )
  var maxTLS: Double?

  func validate() throws {
    guard calls >= 10 else { throw ValidationError("--calls \(calls): fewer than 10") }
    guard warmUpCalls >= 0 else { throw ValidationError("--warmup-calls \(warmUpCalls): negative") }
  }

  func run() async throws {
    Report.print(
      "souk-bench allocations: heap allocations per unary call (request \(Payload.requestSize) B, reply "
        + "\(Payload.replySize) B), client and server in this process (one event-loop thread each), calls one at "
        + "a time; counted in every thread: malloc, calloc, posix_memalign, aligned_alloc, memalign, realloc of NULL"
    )
    do {
      try checkInterposition()
    } catch {
      Report.printError("souk-bench: \(error)")
      throw ExitCode.failure
    }

    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("souk-bench-\(getpid())").path
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let certificates = try DevelopmentCertificates.prepare(in: folder)
    let serverGroup = MultiThreadedEventLoopGroup(numberOfThreads: 1)
    let clientGroup = MultiThreadedEventLoopGroup(numberOfThreads: 1)
    let server = BenchServer.makeServer(certificates: certificates, group: serverGroup)
    var failed = false
    do {
      let address = try await server.start()
      guard let port = address.port else { throw ProcessStatus.Failure(description: "the server has no port") }
      let target = try BenchTarget(port: port, certificates: certificates, group: clientGroup)
      Report.print("")
      Report.print("| transport | calls | allocations | per call | frees per call | reallocs per call |")
      Report.print("| --- | ---: | ---: | ---: | ---: | ---: |")
      var checks: [String] = []
      var overBudget: [String] = []
      for transport in Transport.allCases {
        let client =
          switch transport {
          case .inProcess: RPCClient(inProcess: server, eventLoopGroup: clientGroup)
          case .tls: target.makeClient()
          }
        defer { client.close() }
        let (check, perCall) = try await measure(transport, client: client)
        checks.append(check)
        if let budget = self.budget(for: transport), perCall > budget {
          overBudget.append(
            "\(transport.rawValue): \(Self.decimal(perCall)) allocations per call, over the budget of "
              + "\(Self.decimal(budget)); find the new allocation, or raise the budget in .ci/run with the reason"
          )
        }
      }
      Report.print("")
      for check in checks { Report.print(check) }
      if !overBudget.isEmpty {
        for line in overBudget { Report.printError("souk-bench: \(line)") }
        failed = true
      }
    } catch {
      Report.printError("souk-bench: \(error)")
      failed = true
    }
    await server.shutDown(gracePeriod: .seconds(1))
    try await clientGroup.shutdownGracefully()
    try await serverGroup.shutdownGracefully()
    if failed { throw ExitCode.failure }
  }

  private func budget(for transport: Transport) -> Double? {
    switch transport {
    case .inProcess: self.maxInProcess
    case .tls: self.maxTLS
    }
  }

  /// Warms the client up, then counts over a tenth of the calls and over all of them: the count must be above zero
  /// and grow with the calls, or the counter is not seeing the calls' allocations. Prints the table row; returns
  /// the check's line and the allocations per call.
  private func measure(_ transport: Transport, client: RPCClient) async throws -> (String, Double) {
    for _ in 0..<warmUpCalls {
      try await BenchTarget.unaryCall(client)
    }
    let fewer = calls / 10
    let (_, few) = try await AllocationCounter.counting {
      for _ in 0..<fewer { try await BenchTarget.unaryCall(client) }
    }
    let (_, all) = try await AllocationCounter.counting {
      for _ in 0..<calls { try await BenchTarget.unaryCall(client) }
    }
    let count = Double(calls)
    Report.print(
      "| \(transport.rawValue) | \(calls) | \(all.allocations) | \(Self.decimal(Double(all.allocations) / count)) | "
        + "\(Self.decimal(Double(all.frees) / count)) | \(Self.decimal(Double(all.reallocations) / count)) |"
    )
    let ratio = Double(all.allocations) / Double(max(few.allocations, 1))
    guard few.allocations > 0, all.allocations > few.allocations else {
      throw ProcessStatus.Failure(
        description: "\(transport.rawValue): \(few.allocations) allocations over \(fewer) calls, "
          + "\(all.allocations) over \(calls): the counter does not see the calls"
      )
    }
    let check =
      "check, \(transport.rawValue): \(few.allocations) allocations over \(fewer) calls, \(all.allocations) "
      + "over \(calls) (x\(Self.decimal(ratio)) for x\(calls / fewer) the calls): the count grows with the calls"
    return (check, Double(all.allocations) / count)
  }

  /// Checks that the process's malloc is the counting one, for this binary's code and for the Swift runtime's
  /// (a shared library), before trusting any count.
  private func checkInterposition() throws {
    guard AllocationCounter.isInterposing else {
      throw ProcessStatus.Failure(
        description: "malloc is not interposed (not Linux/glibc, or souk-bench does not export its malloc)"
      )
    }
    let arrays = 1000
    // The arrays are freed when the closure returns, still inside the count.
    let (made, counts) = AllocationCounter.countingSynchronously { Self.makeArrays(arrays).count }
    guard made == arrays, counts.allocations >= arrays, counts.frees >= arrays else {
      throw ProcessStatus.Failure(
        description: "\(arrays) arrays made and freed, \(counts.allocations) allocations and \(counts.frees) frees "
          + "counted"
      )
    }
    Report.print(
      "check: malloc and free resolve to the counting ones; \(arrays) Swift arrays (allocated by the Swift runtime) "
        + "counted as \(counts.allocations) allocations and \(counts.frees) frees"
    )
  }

  /// `count` small arrays, each its own heap block allocated by the Swift runtime, returned so that the optimizer
  /// cannot drop them.
  @inline(never)
  private static func makeArrays(_ count: Int) -> [[Int]] {
    (0..<count).map { index in [Int](repeating: index, count: 16 + index % 7) }
  }

  private static func decimal(_ value: Double) -> String {
    String(format: "%.1f", value)
  }
}
