import GRPCCore

/// The server side of the benchmark, registered as generated code registers a service: each handler turns the
/// streaming request into a single one, checks the request's size and answers with the fixed payloads.
struct BenchService: RegistrableRPCService {
  func registerMethods<Transport: ServerTransport>(with router: inout RPCRouter<Transport>) {
    router.registerHandler(
      forMethod: BenchMethods.unary,
      deserializer: RawBytesDeserializer(),
      serializer: RawBytesSerializer()
    ) { streamingRequest, _ in
      let request = try await ServerRequest(stream: streamingRequest)
      try Self.check(request.message)
      return StreamingServerResponse(single: ServerResponse(message: Payload.reply))
    }
    router.registerHandler(
      forMethod: BenchMethods.stream,
      deserializer: RawBytesDeserializer(),
      serializer: RawBytesSerializer()
    ) { streamingRequest, _ in
      let request = try await ServerRequest(stream: streamingRequest)
      try Self.check(request.message)
      let count = Payload.messageCount(in: request.message)
      return StreamingServerResponse { writer in
        for _ in 0..<count {
          try await writer.write(Payload.streamMessage)
        }
        return [:]
      }
    }
  }

  private static func check(_ request: [UInt8]) throws {
    guard request.count == Payload.requestSize else {
      throw RPCError(
        code: .invalidArgument,
        message: "request of \(request.count) bytes, expected \(Payload.requestSize)"
      )
    }
  }
}
