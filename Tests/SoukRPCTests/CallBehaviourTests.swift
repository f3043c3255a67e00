import Logging
import NIOCore
import NIOPosix
import ServiceLifecycle
import SoukInteropService
import SoukTLS
import SoukTestSupport
import Synchronization
import Testing

@testable import SoukRPC

/// How calls behave under concurrency, cancellation, deadlines, slow readers and shutdown; real TLS on loopback.
@Suite("Call behaviour")
struct CallBehaviourTests {
  @Test func aThousandConcurrentCallsShareOneConnection() async throws {
    let server = try await TestServer.start { $0.maxConcurrentStreams = 1_000 }
    try await server.withClient { client in
      let sizes = try await withThrowingTaskGroup(of: Int.self) { group in
        for index in 0..<1_000 {
          group.addTask {
            var request = SimpleRequest()
            request.responseSize = Int32(index % 500)
            let response = try await client.unary(TestService.Method.UnaryCall.self, request: request)
            return response.payload?.body.count ?? -1
          }
        }
        var sizes: [Int] = []
        for try await size in group { sizes.append(size) }
        return sizes
      }
      #expect(sizes.sorted() == (0..<1_000).map { $0 % 500 }.sorted())
      #expect(server.server.connectionCount == 1)
    }
  }

  @Test func clientCancellationReachesTheHandler() async throws {
    let server = try await TestServer.start()
    try await server.withClient { client in
      let call = Task {
        var request = SimpleRequest()
        request.sleepMicros = 30_000_000
        return try await client.unary(TestService.Method.UnaryCall.self, request: request)
      }
      await server.probe.nextStart()
      call.cancel()
      let error = await #expect(throws: RPCError.self) { try await call.value }
      #expect(error?.code == .cancelled)
      let observation = await server.probe.nextObservation()
      #expect(observation?.cancelled == true)
      #expect((observation?.elapsed ?? .seconds(30)) < .seconds(10))
    }
  }

  @Test func aDeadlineIsEnforcedOnBothSides() async throws {
    let server = try await TestServer.start()
    try await server.withClient { client in
      var request = SimpleRequest()
      request.sleepMicros = 30_000_000
      let started = ContinuousClock.now
      let error = await #expect(throws: RPCError.self) {
        try await client.unary(
          TestService.Method.UnaryCall.self, request: request, options: CallOptions(timeout: .milliseconds(200)))
      }
      #expect(error?.code == .deadlineExceeded)
      #expect(ContinuousClock.now - started < .seconds(10))
      let observation = await server.probe.nextObservation()
      #expect(observation?.cancelled == true)
    }
  }

  @Test func aReaderThatStopsHoldsTheWriterAtTheWindow() async throws {
    let written = WriteCounter()
    let service = CountingStreamService(written: written)
    let server = try await TestServer.start(services: [service])
    let windowBytes = 65_536
    let client = try server.makeClient { $0.initialWindowBytes = windowBytes }
    defer {
      client.close()
      Task { await server.server.shutDown(gracePeriod: .seconds(1)) }
    }
    let request = StreamingOutputCallRequest()
    try await client.serverStreaming(TestService.Method.StreamingOutputCall.self, request: request) { responses in
      var iterator = responses.makeAsyncIterator()
      _ = try await iterator.next()
      // Stop reading. The server may fill the window and no more: 1 KiB messages, so at most 64 of them.
      let limit = windowBytes / CountingStreamService.messageBytes
      try await withTimeout(.seconds(10), "the writer filling the window") {
        while written.count < limit - 1 { try await Task.sleep(for: .milliseconds(5)) }
      }
      try await Task.sleep(for: .milliseconds(300))
      #expect(written.count <= limit + 1)
      // Reading again releases the writer: the stream runs to its end.
      var count = 1
      while try await iterator.next() != nil { count += 1 }
      #expect(count == service.total)
    }
  }

  @Test func goAwayLetsCallsInFlightFinishAndRefusesNewOnes() async throws {
    let server = try await TestServer.start()
    let client = try server.makeClient()
    defer { client.close() }
    let inFlight = Task {
      var request = SimpleRequest()
      request.sleepMicros = 300_000
      request.responseSize = 7
      return try await client.unary(TestService.Method.UnaryCall.self, request: request)
    }
    await server.probe.nextStart()
    let shutdown = Task { await server.server.shutDown(gracePeriod: .seconds(10)) }
    let response = try await inFlight.value
    #expect(response.payload?.body.count == 7)
    await shutdown.value
    let error = await #expect(throws: RPCError.self) {
      try await client.unary(TestService.Method.EmptyCall.self, request: Empty())
    }
    #expect(error?.code == .unavailable)
  }

  @Test("run by a ServiceGroup, the server drains on graceful shutdown: the call in flight finishes, then run returns")
  func aServiceGroupDrainsTheServer() async throws {
    let server = try await TestServer.start()
    let client = try server.makeClient()
    defer { client.close() }
    var logger = Logger(label: "souk.rpc.test-group")
    logger.logLevel = .critical
    let group = ServiceGroup(services: [server.server], logger: logger)
    let running = Task { try await group.run() }
    let inFlight = Task {
      var request = SimpleRequest()
      request.sleepMicros = 300_000
      request.responseSize = 7
      return try await client.unary(TestService.Method.UnaryCall.self, request: request)
    }
    await server.probe.nextStart()
    await group.triggerGracefulShutdown()
    let response = try await inFlight.value
    #expect(response.payload?.body.count == 7)
    try await withTimeout(.seconds(20), "the group's run") { try await running.value }
    let error = await #expect(throws: RPCError.self) {
      try await client.unary(TestService.Method.EmptyCall.self, request: Empty())
    }
    #expect(error?.code == .unavailable)
  }

  @Test func anUnreachableServerIsUnavailableAndTheClientReconnectsWhenItReturns() async throws {
    let first = try await TestServer.start()
    let client = try first.makeClient()
    defer { client.close() }
    _ = try await client.unary(TestService.Method.EmptyCall.self, request: Empty())
    await first.server.shutDown(gracePeriod: .seconds(1))
    let error = await #expect(throws: RPCError.self) {
      try await client.unary(TestService.Method.EmptyCall.self, request: Empty())
    }
    #expect(error?.code == .unavailable)

    let second = try await TestServer.start { $0.port = first.port }
    defer { Task { await second.server.shutDown(gracePeriod: .seconds(1)) } }
    let reconnected = try await withTimeout(.seconds(10), "the client reconnecting") {
      while true {
        do {
          return try await client.unary(TestService.Method.EmptyCall.self, request: Empty())
        } catch let error as RPCError where error.code == .unavailable {
          try await Task.sleep(for: .milliseconds(20))  // waiting out the client's backoff
        }
      }
    }
    #expect(reconnected == Empty())
  }
}

extension CallBehaviourTests {
  @Test func aServerThatNeverSendsItsSettingsIsUnavailableWithinTheConnectTimeout() async throws {
    // TLS completes (ALPN souk/1), then the "server" says nothing.
    let certificates = TestCertificates.shared
    let tls = try TLSContext(
      configuration: .server(
        certificateChainPath: certificates.certificateChainPath,
        privateKeyPath: certificates.privateKeyPath
      )
    )
    let silent = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
      .childChannelInitializer { channel in
        channel.eventLoop.makeCompletedFuture {
          try channel.pipeline.syncOperations.addHandler(TLSHandler(context: tls))
        }
      }
      .bind(host: "127.0.0.1", port: 0)
      .get()
    defer { silent.close(promise: nil) }
    var configuration = RPCClient.Configuration(
      host: "127.0.0.1",
      port: silent.localAddress?.port ?? 0,
      tls: .client(trustRoots: .pemFile(certificates.caCertificatePath))
    )
    configuration.connectTimeout = .milliseconds(300)
    let client = try RPCClient(configuration: configuration)
    defer { client.close() }
    let started = ContinuousClock.now
    let error = await #expect(throws: RPCError.self) {
      try await withTimeout(.seconds(10), "the call failing") {
        try await client.unary(TestService.Method.EmptyCall.self, request: Empty())
      }
    }
    #expect(error?.code == .unavailable)
    #expect(ContinuousClock.now - started < .seconds(10))
  }
}

extension CallBehaviourTests {
  @Test func aPeerThatStopsReadingItsSocketHoldsTheServersWriters() async throws {
    let written = WriteCounter()
    let service = CountingStreamService(written: written, total: 50_000)
    let server = try await TestServer.start(services: [service])
    defer { Task { await server.server.shutDown(gracePeriod: .seconds(1)) } }
    // The largest window souk/1 allows, so flow control does not stop the server: only the socket can.
    let raw = try await RawConnection.connect(port: server.port)
    var settings = ConnectionSettings.defaults
    settings.initialWindowBytes = Int(Int32.max)
    let header = CallHeader(
      method: "souk.testing.v1.TestService/StreamingOutputCall",
      timeoutMicroseconds: 0,
      metadata: [:]
    )
    try await raw.send { buffer in
      buffer.writePreface()
      buffer.writeFrame(Frame(streamID: 0, payload: .settings(settings.update)))
    }
    // The server's SETTINGS mean the handshake is done; from now on nothing is read.
    _ = try await raw.frames(until: { $0.type == .settings })
    try await raw.stopReading()
    try await raw.send { buffer in
      buffer.writeFrame(Frame(streamID: 1, payload: .call(header)))
      buffer.writeFrame(Frame(streamID: 1, payload: .message(ByteBuffer(), more: false)))
      buffer.writeFrame(Frame(streamID: 1, payload: .halfClose))
    }
    // Wait until the handler stops making progress, then check how far it got.
    try await withTimeout(.seconds(20), "the server's writer stopping") {
      var last = -1
      while written.count != last {
        last = written.count
        try await Task.sleep(for: .milliseconds(200))
      }
    }
    // 50 MB would be written without the socket's back-pressure; the kernel's buffers hold a few MB at most.
    #expect(written.count * CountingStreamService.messageBytes < 16 * 1024 * 1024)
    #expect(written.count < service.total)
    await raw.close()
  }
}

/// A server stream of ``total`` 1 KiB messages that counts how many its handler has written.
struct CountingStreamService: RPCService {
  static let messageBytes = 1_024
  let written: WriteCounter
  /// The messages one call sends.
  var total = 500

  func registerMethods(with router: inout RPCRouter) {
    router.register(
      TestService.Method.StreamingOutputCall.self,
      serverStreaming: { _, writer, _ in
        var response = StreamingOutputCallResponse()
        response.payload = Payload()
        // 1 KiB on the wire: the body plus its field tags and lengths.
        response.payload?.body = [UInt8](repeating: 1, count: Self.messageBytes - 6)
        for _ in 0..<self.total {
          try await writer.write(response)
          self.written.increment()
        }
      })
  }
}

/// Counts writes across tasks.
final class WriteCounter: Sendable {
  private let value = Atomic<Int>(0)

  var count: Int { self.value.load(ordering: .relaxed) }

  func increment() {
    self.value.add(1, ordering: .relaxed)
  }
}
