import GRPCCore
import GRPCNIOTransportHTTP2
import NIOPosix

/// How the client reaches the server: one grpc-swift HTTP/2 transport per connection, TLS with the chain checked
/// against the test CA and the identity checked (grpc-swift's default, full verification; SNI `localhost`, and
/// NIOSSL also accepts the certificate's `127.0.0.1` address matching the connected one).
struct BenchTarget: Sendable {
  /// The server's port on 127.0.0.1.
  var port: Int
  /// The test CA is the client's only trust root.
  var certificates: TestCertificates
  /// The client's event loops, shared by all its connections.
  var group: MultiThreadedEventLoopGroup

  /// A new transport, which opens one connection (grpc-swift makes its TLS context per transport).
  func makeTransport() throws -> HTTP2ClientTransport.Posix {
    let caPath = certificates.caCertificatePath
    return try HTTP2ClientTransport.Posix(
      target: .ipv4(address: "127.0.0.1", port: port),
      transportSecurity: .tls { tls in
        tls.trustRoots = .certificates([.file(path: caPath, format: .pem)])
      },
      config: .defaults { config in
        config.http2.authority = "localhost"
      },
      eventLoopGroup: group
    )
  }

  /// One unary call; checks the reply's size.
  static func unaryCall(_ client: GRPCClient<HTTP2ClientTransport.Posix>) async throws {
    let reply = try await client.unary(
      request: ClientRequest(message: Payload.request),
      descriptor: BenchMethods.unary,
      serializer: RawBytesSerializer(),
      deserializer: RawBytesDeserializer(),
      options: .defaults
    ) { response in
      try response.message
    }
    guard reply.count == Payload.replySize else {
      throw RPCError(code: .internalError, message: "reply of \(reply.count) bytes, expected \(Payload.replySize)")
    }
  }
}
