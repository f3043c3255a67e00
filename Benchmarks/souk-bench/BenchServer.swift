import Foundation
import Logging
import NIOCore
import NIOPosix
import SoukRPC
import SoukTLS

/// `souk-bench serve`: the Souk server the client side measures, run as a child process (see ``ServerProcess``).
/// TLS with the development P-256 server certificate, every other setting at its default, on 127.0.0.1.
enum BenchServer {
  /// Serves until standard input ends; prints `listening PORT` once bound.
  static func serve(certificateFolder: String, threads: Int) async throws {
    // Exit when the parent closes our input or dies; a thread of its own, not a task that would hold one of
    // the few cooperative threads the handlers run on.
    Thread.detachNewThread {
      _ = FileHandle.standardInput.readDataToEndOfFile()
      exit(0)
    }
    // The parent made the files; prepare reuses them.
    let certificates = try DevelopmentCertificates.prepare(in: certificateFolder)
    let group = MultiThreadedEventLoopGroup(numberOfThreads: threads)
    let server = makeServer(certificates: certificates, group: group)
    let address = try await server.start()
    guard let port = address.port else {
      throw ServerProcess.Failure(description: "the server has no port")
    }
    FileHandle.standardOutput.write(Data("listening \(port)\n".utf8))
    while true {
      try await Task.sleep(for: .seconds(3600))
    }
  }

  /// The benchmark's server on 127.0.0.1, any free port, not yet started (`allocations` runs one in its own
  /// process).
  static func makeServer(certificates: DevelopmentCertificates, group: MultiThreadedEventLoopGroup) -> RPCServer {
    // Standard output carries only the `listening` line the parent reads; logs go to standard error.
    var logger = Logger(label: "souk-bench.server") { StreamLogHandler.standardError(label: $0) }
    logger.logLevel = .warning
    let configuration = RPCServer.Configuration(
      host: "127.0.0.1",
      port: 0,
      tls: .server(
        certificateChainPath: certificates.certificateChainPath,
        privateKeyPath: certificates.privateKeyPath
      ),
      logger: logger
    )
    return RPCServer(
      configuration: configuration,
      router: RPCRouter(services: [BenchServiceProvider()]),
      eventLoopGroup: group
    )
  }
}
