import NIOCore
import SoukInteropService
import SoukRPC
import Testing

/// The gRPC interoperability cases, adapted to souk/1, each over real TLS on 127.0.0.1 and over the in-process
/// transport.
@Suite("Interop cases")
struct InteropTests {
  @Test(arguments: TestTransport.allCases)
  func empty_unary(over transport: TestTransport) async throws {
    let server = try await TestServer.start()
    try await server.withClient(over: transport) { client in
      // Through the generated typed client.
      let testService = TestService.Client(wrapping: client)
      let response = try await testService.emptyCall(Empty())
      #expect(response == Empty())
    }
  }

  @Test(arguments: TestTransport.allCases)
  func large_unary(over transport: TestTransport) async throws {
    let server = try await TestServer.start()
    try await server.withClient(over: transport) { client in
      var request = SimpleRequest()
      request.responseSize = 3_000_000
      request.payload = Payload()
      request.payload?.body = [UInt8](repeating: 0xA5, count: 3_000_000)
      let response = try await client.unary(TestService.Method.UnaryCall.self, request: request)
      #expect(response.payload?.body.count == 3_000_000)
      #expect(response.payload?.body.allSatisfy { $0 == 0x5A } == true)
    }
  }
}

extension InteropTests {
  @Test(arguments: TestTransport.allCases)
  func client_streaming(over transport: TestTransport) async throws {
    let server = try await TestServer.start()
    try await server.withClient(over: transport) { client in
      let sizes = [27_182, 8, 1_828, 45_904]
      let response = try await client.clientStreaming(TestService.Method.StreamingInputCall.self) { writer in
        for size in sizes {
          var request = StreamingInputCallRequest()
          request.payload = Payload()
          request.payload?.body = [UInt8](repeating: 1, count: size)
          try await writer.write(request)
        }
      }
      #expect(response.aggregatedPayloadSize == 74_922)
    }
  }

  @Test(arguments: TestTransport.allCases)
  func server_streaming(over transport: TestTransport) async throws {
    let server = try await TestServer.start()
    try await server.withClient(over: transport) { client in
      let sizes: [Int32] = [31_415, 9, 2_653, 58_979]
      var request = StreamingOutputCallRequest()
      request.responseParameters = sizes.map { size in
        var parameters = ResponseParameters()
        parameters.size = size
        return parameters
      }
      let testService = TestService.Client(wrapping: client)
      let received = try await testService.streamingOutputCall(request) { responses in
        var received: [Int] = []
        for try await response in responses { received.append(response.payload?.body.count ?? 0) }
        return received
      }
      #expect(received == sizes.map(Int.init))
    }
  }

  @Test(arguments: TestTransport.allCases)
  func ping_pong(over transport: TestTransport) async throws {
    let server = try await TestServer.start()
    try await server.withClient(over: transport) { client in
      let requestSizes = [27_182, 8, 1_828, 45_904]
      let responseSizes: [Int32] = [31_415, 9, 2_653, 58_979]
      let (writes, writer) = AsyncStream.makeStream(of: StreamingOutputCallRequest.self)
      let received = try await client.bidirectionalStreaming(
        TestService.Method.FullDuplexCall.self,
        requestProducer: { requests in
          for try await request in writes { try await requests.write(request) }
        },
        onResponse: { responses in
          var received: [Int] = []
          var iterator = responses.makeAsyncIterator()
          for (requestSize, responseSize) in zip(requestSizes, responseSizes) {
            var request = StreamingOutputCallRequest()
            var parameters = ResponseParameters()
            parameters.size = responseSize
            request.responseParameters = [parameters]
            request.payload = Payload()
            request.payload?.body = [UInt8](repeating: 2, count: requestSize)
            writer.yield(request)
            // Ping-pong: each response arrives before the next request is sent.
            let response = try await iterator.next()
            received.append(response?.payload?.body.count ?? -1)
          }
          writer.finish()
          #expect(try await iterator.next() == nil)
          return received
        }
      )
      #expect(received == responseSizes.map(Int.init))
    }
  }

  @Test(arguments: TestTransport.allCases)
  func empty_stream(over transport: TestTransport) async throws {
    let server = try await TestServer.start()
    try await server.withClient(over: transport) { client in
      let count = try await client.bidirectionalStreaming(
        TestService.Method.FullDuplexCall.self,
        requestProducer: { _ in },
        onResponse: { responses in
          var count = 0
          for try await _ in responses { count += 1 }
          return count
        }
      )
      #expect(count == 0)
    }
  }

  @Test(arguments: TestTransport.allCases)
  func custom_metadata(over transport: TestTransport) async throws {
    let server = try await TestServer.start()
    try await server.withClient(over: transport) { client in
      var request = SimpleRequest()
      request.responseSize = 314_159
      request.echoMetadata = true
      var metadata: Metadata = ["x-echo-initial": "test_initial_metadata_value"]
      metadata.addBinary([0xAB, 0xAB, 0xAB], forKey: "x-echo-trailing-bin")
      let response = try await client.unaryResponse(
        TestService.Method.UnaryCall.self,
        request: request,
        metadata: metadata
      )
      #expect(response.message.payload?.body.count == 314_159)
      #expect(response.initialMetadata.firstString(forKey: "x-echo-initial") == "test_initial_metadata_value")
      #expect(response.trailingMetadata.firstBinary(forKey: "x-echo-trailing-bin") == [0xAB, 0xAB, 0xAB])
    }
  }

  @Test(arguments: TestTransport.allCases)
  func status_code_and_message(over transport: TestTransport) async throws {
    let server = try await TestServer.start()
    try await server.withClient(over: transport) { client in
      var request = SimpleRequest()
      request.responseStatus = EchoStatus()
      request.responseStatus?.code = 2
      request.responseStatus?.message = "test status message"
      let error = await #expect(throws: RPCError.self) {
        try await client.unary(TestService.Method.UnaryCall.self, request: request)
      }
      #expect(error?.code == .unknown)
      #expect(error?.message == "test status message")

      var streamingRequest = StreamingOutputCallRequest()
      streamingRequest.responseStatus = request.responseStatus
      let streaming = streamingRequest
      let streamError = await #expect(throws: RPCError.self) {
        try await client.bidirectionalStreaming(
          TestService.Method.FullDuplexCall.self,
          requestProducer: { try await $0.write(streaming) },
          onResponse: { responses in for try await _ in responses {} }
        )
      }
      #expect(streamError?.code == .unknown)
      #expect(streamError?.message == "test status message")
    }
  }

  @Test(arguments: TestTransport.allCases)
  func special_status_message(over transport: TestTransport) async throws {
    let server = try await TestServer.start()
    try await server.withClient(over: transport) { client in
      let message = "\t\ntest with whitespace\r\nand Unicode BMP ☺ and non-BMP 😈\t\n — بيع التعاونيات"
      var request = SimpleRequest()
      request.responseStatus = EchoStatus()
      request.responseStatus?.code = 2
      request.responseStatus?.message = message
      let error = await #expect(throws: RPCError.self) {
        try await client.unary(TestService.Method.UnaryCall.self, request: request)
      }
      #expect(error?.code == .unknown)
      #expect(error?.message == message)
    }
  }

  @Test(arguments: TestTransport.allCases)
  func unimplemented_method(over transport: TestTransport) async throws {
    let server = try await TestServer.start()
    try await server.withClient(over: transport) { client in
      let error = await #expect(throws: RPCError.self) {
        try await client.unary(TestService.Method.UnimplementedCall.self, request: Empty())
      }
      #expect(error?.code == .unimplemented)
      #expect(error?.message.contains("method souk.testing.v1.TestService/UnimplementedCall") == true)
    }
  }

  @Test(arguments: TestTransport.allCases)
  func unimplemented_service(over transport: TestTransport) async throws {
    let server = try await TestServer.start()
    try await server.withClient(over: transport) { client in
      let error = await #expect(throws: RPCError.self) {
        try await client.unary(SoukTestingV1.UnimplementedService.Method.UnimplementedCall.self, request: Empty())
      }
      #expect(error?.code == .unimplemented)
      #expect(error?.message.contains("service souk.testing.v1.UnimplementedService") == true)
    }
  }

  @Test(arguments: TestTransport.allCases)
  func cancel_after_begin(over transport: TestTransport) async throws {
    let server = try await TestServer.start()
    try await server.withClient(over: transport) { client in
      let started = AsyncStream.makeStream(of: Void.self)
      let call = Task {
        try await client.clientStreaming(TestService.Method.StreamingInputCall.self) { _ in
          started.continuation.yield()
          try await Task.sleep(for: .seconds(60))
        }
      }
      var iterator = started.stream.makeAsyncIterator()
      await iterator.next()
      call.cancel()
      let error = await #expect(throws: RPCError.self) { try await call.value }
      #expect(error?.code == .cancelled)
    }
  }

  @Test(arguments: TestTransport.allCases)
  func cancel_after_first_response(over transport: TestTransport) async throws {
    let server = try await TestServer.start()
    try await server.withClient(over: transport) { client in
      let call = Task {
        try await client.bidirectionalStreaming(
          TestService.Method.FullDuplexCall.self,
          requestProducer: { requests in
            var request = StreamingOutputCallRequest()
            var parameters = ResponseParameters()
            parameters.size = 31_415
            request.responseParameters = [parameters]
            try await requests.write(request)
            try await Task.sleep(for: .seconds(60))
          },
          onResponse: { responses in
            var iterator = responses.makeAsyncIterator()
            _ = try await iterator.next()
            withUnsafeCurrentTask { $0?.cancel() }
            _ = try await iterator.next()
          }
        )
      }
      let error = await #expect(throws: RPCError.self) { try await call.value }
      #expect(error?.code == .cancelled)
    }
  }

  @Test(arguments: TestTransport.allCases)
  func timeout_on_sleeping_server(over transport: TestTransport) async throws {
    let server = try await TestServer.start()
    try await server.withClient(over: transport) { client in
      var request = SimpleRequest()
      request.sleepMicros = 10_000_000
      let error = await #expect(throws: RPCError.self) {
        try await client.unary(
          TestService.Method.UnaryCall.self,
          request: request,
          options: CallOptions(timeout: .milliseconds(100))
        )
      }
      #expect(error?.code == .deadlineExceeded)
      // The deadline reached the handler: its sleep was cancelled, long before 10 s.
      let observation = await server.probe.nextObservation()
      #expect(observation?.cancelled == true)
      #expect((observation?.elapsed ?? .seconds(10)) < .seconds(5))
    }
  }
}
