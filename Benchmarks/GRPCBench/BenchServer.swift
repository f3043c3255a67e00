import Foundation
import GRPCCore
import GRPCNIOTransportHTTP2
import NIOPosix

/// `GRPCBench serve`: the grpc-swift server the client side measures, run as a child process (see
/// ``ServerProcess``). TLS with the P-256 server certificate, HTTP/2 transport defaults, on 127.0.0.1.
enum BenchServer {
  /// Serves until standard input ends; prints `listening PORT` once bound.
  static func serve(certificates: TestCertificates, threads: Int) async throws {
    // Exit when the parent closes our input or dies; a thread of its own, not a task that would hold one of
    // the few cooperative threads the handlers run on.
    Thread.detachNewThread {
      _ = FileHandle.standardInput.readDataToEndOfFile()
      exit(0)
    }
    let group = MultiThreadedEventLoopGroup(numberOfThreads: threads)
    let transport = HTTP2ServerTransport.Posix(
      address: .ipv4(host: "127.0.0.1", port: 0),
      transportSecurity: .tls(
        certificateChain: [.file(path: certificates.serverCertificatePath, format: .pem)],
        privateKey: .file(path: certificates.serverKeyPath, format: .pem)
      ),
      eventLoopGroup: group
    )
    let server = GRPCServer(transport: transport, services: [BenchService()])
    try await withThrowingDiscardingTaskGroup { tasks in
      tasks.addTask { try await server.serve() }
      guard let port = try await transport.listeningAddress.ipv4?.port else {
        throw ServerProcess.Failure(description: "the server is not listening on IPv4")
      }
      FileHandle.standardOutput.write(Data("listening \(port)\n".utf8))
    }
  }
}
