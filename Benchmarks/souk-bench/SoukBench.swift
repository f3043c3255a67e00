import ArgumentParser

/// The RPC benchmark over Souk: the workloads of GRPCBench (the grpc-swift 2 baseline in Benchmarks/) with TLS on
/// loopback, the client in this process and the server in a child process of the same binary; and `orders`, the
/// marketplace's orders placed through real `souk serve` processes on SQLite and PostgreSQL. See
/// Benchmarks/README.md.
///
/// ```
/// souk-bench all [--duration S] [--warmup S] [--threads N] [--messages N]
/// souk-bench run --workload unary|stream|connect [--in-flight N] [--connections C]
///                [--duration S] [--warmup S] [--threads N] [--messages N]
/// souk-bench footprint [--connections N] [--threads N] [--settle S]
/// souk-bench allocations [--calls N] [--warmup-calls N]
/// souk-bench orders --souk PATH [--postgres URL] [--callers N] [--connections N] [--products N] [--stock N]
///                   [--duration S] [--warmup S]   (orders through real souk serve processes)
/// souk-bench serve --cert-dir DIR [--threads N]      (the server child process that run, all and footprint start)
/// ```
@main
struct SoukBench: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "souk-bench",
    abstract: "Measures Souk's RPC layer (souk/1 over TLS) on loopback, as GRPCBench measures grpc-swift 2, and "
      + "placing orders through souk serve.",
    subcommands: [
      AllCommand.self, RunCommand.self, FootprintCommand.self, AllocationsCommand.self, OrdersCommand.self,
      ServeCommand.self,
    ]
  )
}
