import NIOPosix
import SoukRPC
import SoukTLS

/// How the client reaches the server: one ``RPCClient`` per connection (a client holds one connection), all
/// sharing one TLS context as a partner's process would, TLS with the chain checked against the development CA and the server's name
/// checked (Souk's default, full verification) as `localhost`, which is also sent as SNI, as GRPCBench does.
struct BenchTarget: Sendable {
  /// The server's port on 127.0.0.1.
  var port: Int
  /// The development CA is the client's only trust root.
  var certificates: DevelopmentCertificates
  /// The client's event loops, shared by all its connections.
  var group: MultiThreadedEventLoopGroup
  /// The clients' TLS context, built once.
  var tlsContext: TLSContext

  init(port: Int, certificates: DevelopmentCertificates, group: MultiThreadedEventLoopGroup) throws {
    self.port = port
    self.certificates = certificates
    self.group = group
    self.tlsContext = try TLSContext(configuration: Self.tlsConfiguration(certificates))
  }

  private static func tlsConfiguration(_ certificates: DevelopmentCertificates) -> TLSConfiguration {
    .client(
      trustRoots: .pemFile(certificates.caCertificatePath),
      serverName: "localhost",
      resumesSessions: false
    )
  }

  /// A new client, which opens one connection on its first call. Sessions are never resumed, so every new
  /// connection makes a full TLS handshake.
  func makeClient() -> RPCClient {
    let configuration = RPCClient.Configuration(
      host: "127.0.0.1",
      port: port,
      tls: Self.tlsConfiguration(certificates)
    )
    return RPCClient(configuration: configuration, tlsContext: self.tlsContext, eventLoopGroup: group)
  }

  /// One unary call; checks the reply's size.
  static func unaryCall(_ client: RPCClient) async throws {
    let reply = try await client.unary(SoukBenchV1.BenchService.Method.Unary.self, request: Payload.request)
    guard reply.encodedSize() == Payload.replySize else {
      throw RPCError(
        code: .internalError,
        message: "reply of \(reply.encodedSize()) bytes, expected \(Payload.replySize)"
      )
    }
  }
}
