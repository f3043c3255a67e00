import ArgumentParser
import Foundation
import NIOCore
import NIOPosix
import SoukRPC
import SoukTLS

/// `souk-bench footprint`: the server child process's resident memory before and after it holds `--connections`
/// idle TLS connections, each set up by one unary call and then left alone.
struct FootprintCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "footprint",
    abstract: "Measures the server's resident memory with many idle TLS connections open."
  )

  @Option(help: ArgumentHelp("Idle connections the server holds at the end.", valueName: "N"))
  var connections = 1000

  @Option(
    help: ArgumentHelp("Event-loop threads of the client and, separately, of the server process.", valueName: "N"))
  var threads = 1

  @Option(
    name: .customLong("settle"),
    help: ArgumentHelp("Seconds to wait, all connections idle, before the last reading.", valueName: "S")
  )
  var settleSeconds: Double = 2

  func validate() throws {
    guard connections > 1 else { throw ValidationError("--connections \(connections): not > 1") }
    guard threads > 0 else { throw ValidationError("--threads \(threads): not > 0") }
    guard settleSeconds >= 0 else { throw ValidationError("--settle \(settleSeconds): negative") }
  }

  func run() async throws {
    // Each process holds one descriptor per connection, plus its own few; the child inherits the limit.
    let limit = try FileDescriptorLimit.ensure(connections + 256)
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("souk-bench-\(getpid())").path
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let certificates = try DevelopmentCertificates.prepare(in: folder)
    let server = try ServerProcess(certificateFolder: folder, threads: threads)
    defer { server.stop() }
    let group = MultiThreadedEventLoopGroup(numberOfThreads: threads)
    let target = try BenchTarget(port: server.port, certificates: certificates, group: group)

    Report.print(
      "souk-bench footprint: \(connections) idle souk/1 TLS connections (P-256, a full handshake and one unary "
        + "call each, then idle) held by the server process (souk-bench serve, \(threads) event-loop thread(s)); "
        + "resident memory is VmRSS of /proc/PID/status; open-file limit \(limit)"
    )
    let readings: [FootprintReading]
    do {
      readings = try await measure(target: target, server: server.processIdentifier)
    } catch {
      Report.printError("souk-bench: \(error)")
      try? await group.shutdownGracefully()
      throw ExitCode.failure
    }
    try await group.shutdownGracefully()

    Report.print("")
    for line in FootprintReading.header { Report.print(line) }
    for reading in readings { Report.print(reading.row) }
    Report.print("")
    guard let before = readings.first, let first = readings.dropFirst().first, let last = readings.last else { return }
    let count = Double(connections)
    let perConnection = Double(last.serverKiB - before.serverKiB) / count
    let perLaterConnection = Double(last.serverKiB - first.serverKiB) / (count - 1)
    let clientPerConnection = Double(last.clientKiB - before.clientKiB) / count
    Report.print(
      "server RSS: \(before.serverKiB) KiB before, \(last.serverKiB) KiB (\(Self.mebibytes(last.serverKiB))) with "
        + "\(connections) idle connections: \(Self.decimal(perConnection)) KiB per connection "
        + "(\(Self.decimal(perLaterConnection)) KiB per connection after the first)"
    )
    Report.print(
      "client RSS (this process, \(connections) RPCClients sharing one TLSContext): "
        + "\(Self.decimal(clientPerConnection)) KiB per connection"
    )
  }

  /// Opens the connections one after another and reads both processes before, after the first, after the last,
  /// and after the settling time; closes the connections at the end.
  private func measure(target: BenchTarget, server: Int32) async throws -> [FootprintReading] {
    let client = getpid()
    var readings = [try FootprintReading("none", server: server, client: client)]
    var clients: [RPCClient] = []
    defer {
      for client in clients { client.close() }
    }
    for index in 0..<connections {
      let rpcClient = target.makeClient()
      clients.append(rpcClient)
      try await BenchTarget.unaryCall(rpcClient)
      if index == 0 { readings.append(try FootprintReading("1 connection", server: server, client: client)) }
    }
    readings.append(try FootprintReading("\(connections) connections", server: server, client: client))
    try await Task.sleep(for: Duration(secondsValue: settleSeconds))
    let settled = try FootprintReading(
      "\(connections) connections, idle \(Self.decimal(settleSeconds)) s",
      server: server,
      client: client
    )
    readings.append(settled)
    // Every connection must still be open on the server's side: one descriptor each.
    let newDescriptors = settled.serverFileDescriptors - readings[0].serverFileDescriptors
    guard newDescriptors >= connections else {
      throw ProcessStatus.Failure(
        description: "the server holds \(newDescriptors) more descriptors, not the \(connections) connections"
      )
    }
    return readings
  }

  private static func decimal(_ value: Double) -> String {
    String(format: "%.1f", value)
  }

  private static func mebibytes(_ kibibytes: Int) -> String {
    String(format: "%.1f MiB", Double(kibibytes) / 1024)
  }
}
