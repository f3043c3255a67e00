import NIOCore
import SoukInteropService
import SoukRPC
import SoukWire

typealias TestService = SoukTestingV1.TestService
typealias Empty = SoukTestingV1.Empty
typealias SimpleRequest = SoukTestingV1.SimpleRequest
typealias SimpleResponse = SoukTestingV1.SimpleResponse
typealias Payload = SoukTestingV1.Payload
typealias StreamingInputCallRequest = SoukTestingV1.StreamingInputCallRequest
typealias StreamingInputCallResponse = SoukTestingV1.StreamingInputCallResponse
typealias StreamingOutputCallRequest = SoukTestingV1.StreamingOutputCallRequest
typealias StreamingOutputCallResponse = SoukTestingV1.StreamingOutputCallResponse
typealias ResponseParameters = SoukTestingV1.ResponseParameters
typealias EchoStatus = SoukTestingV1.EchoStatus

/// The interop test service's server side, as the gRPC interop cases expect it to behave.
struct InteropTestService: RPCService {
  /// Observes what handlers see (cancellation, deadlines), for the tests that check it reaches them.
  let probe: HandlerProbe

  init(probe: HandlerProbe = HandlerProbe()) {
    self.probe = probe
  }

  func registerMethods(with router: inout RPCRouter) {
    router.register(TestService.Method.EmptyCall.self, unary: { _, _ in Empty() })
    router.register(
      TestService.Method.UnaryCall.self,
      unary: { request, context in
        try await self.unaryCall(request, context: context)
      })
    router.register(
      TestService.Method.StreamingOutputCall.self,
      serverStreaming: { request, writer, _ in
        try await Self.stream(request, to: writer)
      })
    router.register(
      TestService.Method.StreamingInputCall.self,
      clientStreaming: { requests, _ in
        var total: Int64 = 0
        for try await request in requests {
          total += Int64(request.payload?.body.count ?? 0)
        }
        var response = StreamingInputCallResponse()
        response.aggregatedPayloadSize = total
        return response
      })
    router.register(
      TestService.Method.FullDuplexCall.self,
      bidirectionalStreaming: { requests, writer, _ in
        for try await request in requests {
          try await Self.stream(request, to: writer)
        }
      })
    router.register(
      TestService.Method.PartnerCall.self,
      unary: { _, context in
        let caller = context.attachments[InterceptorTests.TestCaller.self]
        context.addTrailingMetadata(["x-principal": .string(caller ?? "none")])
        return Empty()
      })
  }

  private func unaryCall(_ request: SimpleRequest, context: ServerContext) async throws -> SimpleResponse {
    if request.echoMetadata {
      if let initial = context.requestMetadata.firstString(forKey: "x-echo-initial") {
        context.setInitialMetadata(["x-echo-initial": .string(initial)])
      }
      if let trailing = context.requestMetadata.firstBinary(forKey: "x-echo-trailing-bin") {
        context.addTrailingMetadata(["x-echo-trailing-bin": .binary(trailing)])
      }
    }
    if request.sleepMicros > 0 {
      try await self.probe.sleep(for: .microseconds(request.sleepMicros))
    }
    if let status = request.responseStatus, status.code != 0 {
      throw RPCError(code: RPCError.Code(rawValue: Int(status.code)), message: status.message)
    }
    var response = SimpleResponse()
    response.payload = Payload()
    response.payload?.body = [UInt8](repeating: 0x5A, count: Int(request.responseSize))
    return response
  }

  private static func stream(
    _ request: StreamingOutputCallRequest,
    to writer: RPCWriter<StreamingOutputCallResponse>
  ) async throws {
    for parameters in request.responseParameters {
      if parameters.intervalMicros > 0 {
        try await Task.sleep(for: .microseconds(parameters.intervalMicros))
      }
      var response = StreamingOutputCallResponse()
      response.payload = Payload()
      response.payload?.body = [UInt8](repeating: 0x5A, count: Int(parameters.size))
      try await writer.write(response)
    }
    if let status = request.responseStatus, status.code != 0 {
      throw RPCError(code: RPCError.Code(rawValue: Int(status.code)), message: status.message)
    }
  }
}
