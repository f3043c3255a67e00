import SoukRPC
import SoukWire

/// The server side of the benchmark: checks each request's size and answers with the fixed payloads.
struct BenchServiceProvider: RPCService {
  func registerMethods(with router: inout RPCRouter) {
    router.register(
      SoukBenchV1.BenchService.Method.Unary.self,
      unary: { request, _ in
        try Self.check(request)
        return Payload.reply
      })
    router.register(
      SoukBenchV1.BenchService.Method.Stream.self,
      serverStreaming: { request, writer, _ in
        try Self.check(request)
        for _ in 0..<Int(request.messages) {
          try await writer.write(Payload.streamMessage)
        }
      })
  }

  private static func check(_ request: some WireMessage) throws {
    let size = request.encodedSize()
    guard size == Payload.requestSize else {
      throw RPCError(code: .invalidArgument, message: "request of \(size) bytes, expected \(Payload.requestSize)")
    }
  }
}
