// The RPC baseline: the same workloads as souk-bench over grpc-swift 2 with TLS on loopback, client in this
// process and server in a child process of the same binary. See Benchmarks/README.md.
import Foundation
import NIOCore
import NIOPosix

let options: Options
do {
  options = try Options.parse(Array(CommandLine.arguments.dropFirst()))
} catch {
  FileHandle.standardError.write(Data("GRPCBench: \(error)\n\(Options.usage)\n".utf8))
  exit(2)
}

if options.command == .serve {
  try await BenchServer.serve(
    certificates: TestCertificates(folder: options.certificateFolder ?? ""),
    threads: options.threads
  )
  exit(0)
}

let certificates = try TestCertificates.make()
let server = try ServerProcess(certificates: certificates, threads: options.threads)
let group = MultiThreadedEventLoopGroup(numberOfThreads: options.threads)
let target = BenchTarget(port: server.port, certificates: certificates, group: group)
let settings = ClientWorkloads.Settings(
  warmUp: options.warmUp,
  duration: options.duration,
  streamMessages: options.streamMessages
)

Report.print(
  "GRPCBench: grpc-swift 2.4.3, grpc-swift-nio-transport 2.9.2 (HTTP/2, NIOSSL TLS), P-256 certificates, "
    + "127.0.0.1; \(ProcessInfo.processInfo.activeProcessorCount) cores"
)
Report.print(
  "client and server (own process): \(options.threads) event-loop thread(s) each; warm-up \(options.warmUp), "
    + "measured \(options.duration) per workload; request \(Payload.requestSize) B, reply \(Payload.replySize) B, "
    + "stream \(options.streamMessages) x \(Payload.streamMessageSize) B"
)
Report.print("")
for line in Report.header {
  Report.print(line)
}
do {
  for workload in options.workloads {
    let measurement = try await ClientWorkloads.measure(workload, target: target, server: server, settings: settings)
    Report.print(Report.row(measurement))
  }
} catch {
  FileHandle.standardError.write(Data("GRPCBench: \(error)\n".utf8))
  server.stop()
  certificates.remove()
  exit(1)
}
Report.print("")
for kind in Workload.Kind.allCases {
  Report.print("latency of \(kind.rawValue): \(Workload(kind: kind, inFlight: 1, connections: 1).latencyMeaning)")
}
server.stop()
try await group.shutdownGracefully()
certificates.remove()
