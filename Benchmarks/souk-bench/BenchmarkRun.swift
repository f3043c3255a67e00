import ArgumentParser
import Foundation
import NIOCore
import NIOPosix
import SoukTLS

/// One invocation of `all` or `run`: certificates, the server child process, the client's event loops, then the
/// workloads in order, each printed as a table row as soon as it is measured.
struct BenchmarkRun {
  /// The options of the command line.
  var options: Options

  /// Runs `workloads` and prints the table; exits non-zero when a workload fails.
  func execute(_ workloads: [Workload]) async throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("souk-bench-\(getpid())").path
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let certificates = try DevelopmentCertificates.prepare(in: folder)
    let server = try ServerProcess(certificateFolder: folder, threads: options.threads)
    defer { server.stop() }
    let group = MultiThreadedEventLoopGroup(numberOfThreads: options.threads)
    let target = try BenchTarget(port: server.port, certificates: certificates, group: group)
    let settings = options.settings

    Report.print(
      "souk-bench: Souk souk/1 (SoukRPC over SoukTLS, the system OpenSSL), P-256 certificates, 127.0.0.1; "
        + "\(ProcessInfo.processInfo.activeProcessorCount) cores"
    )
    Report.print(
      "client and server (own process): \(options.threads) event-loop thread(s) each; warm-up "
        + "\(settings.warmUp), measured \(settings.duration) per workload; request \(Payload.requestSize) B, "
        + "reply \(Payload.replySize) B, stream \(settings.streamMessages) x \(Payload.streamMessageSize) B "
        + "(encoded message sizes)"
    )
    Report.print("")
    for line in Report.header {
      Report.print(line)
    }
    do {
      for workload in workloads {
        let measurement = try await ClientWorkloads.measure(
          workload,
          target: target,
          server: server,
          settings: settings
        )
        Report.print(Report.row(measurement))
      }
    } catch {
      Report.printError("souk-bench: \(error)")
      try? await group.shutdownGracefully()
      throw ExitCode.failure
    }
    Report.print("")
    for kind in Workload.Kind.allCases {
      Report.print("latency of \(kind.rawValue): \(Workload(kind: kind, inFlight: 1, connections: 1).latencyMeaning)")
    }
    try await group.shutdownGracefully()
  }
}
