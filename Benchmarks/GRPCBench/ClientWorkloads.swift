import GRPCCore
import GRPCNIOTransportHTTP2
import Histogram

/// The client side of each workload: it runs for the warm-up plus the measured window and counts only what
/// falls inside the window.
enum ClientWorkloads {
  /// The knobs every workload shares.
  struct Settings: Sendable {
    /// Run before the window, not counted.
    var warmUp: Duration
    /// The measured window's length.
    var duration: Duration
    /// Messages per server-streaming call.
    var streamMessages: Int
  }

  /// Runs `workload` against the server and measures it.
  static func measure(
    _ workload: Workload,
    target: BenchTarget,
    server: ServerProcess,
    settings: Settings
  ) async throws -> Measurement {
    switch workload.kind {
    case .unary, .stream:
      try await overOpenConnections(workload, target: target, server: server, settings: settings)
    case .connect:
      try await newConnections(workload, target: target, server: server, settings: settings)
    }
  }

  /// Unary calls or streams, `inFlight` workers spread evenly over `connections` connections opened beforehand.
  private static func overOpenConnections(
    _ workload: Workload,
    target: BenchTarget,
    server: ServerProcess,
    settings: Settings
  ) async throws -> Measurement {
    let clients = try (0..<workload.connections).map { _ in GRPCClient(transport: try target.makeTransport()) }
    return try await withThrowingTaskGroup(of: Void.self) { connections in
      for client in clients {
        connections.addTask { try await client.runConnections() }
      }
      defer {
        for client in clients { client.beginGracefulShutdown() }
      }
      // Every connection up (TCP, TLS, HTTP/2 settings) before the clock starts.
      for client in clients {
        try await BenchTarget.unaryCall(client)
      }
      let window = MeasurementWindow(warmUp: settings.warmUp, duration: settings.duration)
      async let serverCPU = window.serverCPU(of: server)
      let sample = try await withThrowingTaskGroup(of: WorkerSample.self) { workers in
        for index in 0..<workload.inFlight {
          let client = clients[index % clients.count]
          workers.addTask {
            switch workload.kind {
            case .stream:
              try await streams(client, window: window, messages: settings.streamMessages)
            case .unary, .connect:
              try await unaryCalls(client, window: window)
            }
          }
        }
        return try await workers.reduce(into: WorkerSample()) { $0.add($1) }
      }
      return Measurement(
        workload: workload,
        operations: sample.operations,
        seconds: window.seconds,
        latency: sample.latency,
        serverCPU: try await serverCPU
      )
    }
  }

  /// One worker of the unary workload: a call at a time until the window ends.
  private static func unaryCalls(
    _ client: GRPCClient<HTTP2ClientTransport.Posix>,
    window: MeasurementWindow
  ) async throws -> WorkerSample {
    var sample = WorkerSample()
    while true {
      let sent = ContinuousClock.now
      guard sent < window.end else { break }
      try await BenchTarget.unaryCall(client)
      if window.contains(sent) {
        sample.latency.record((ContinuousClock.now - sent).nanoseconds)
        sample.operations += 1
      }
    }
    return sample
  }

  /// One worker of the streaming workload: a stream at a time until the window ends; counts the messages that
  /// arrive inside the window and the gaps between consecutive messages of a stream.
  private static func streams(
    _ client: GRPCClient<HTTP2ClientTransport.Posix>,
    window: MeasurementWindow,
    messages: Int
  ) async throws -> WorkerSample {
    var sample = WorkerSample()
    let request = ClientRequest(message: Payload.streamRequest(messages: messages))
    while ContinuousClock.now < window.end {
      let (streamSample, received) = try await client.serverStreaming(
        request: request,
        descriptor: BenchMethods.stream,
        serializer: RawBytesSerializer(),
        deserializer: RawBytesDeserializer(),
        options: .defaults
      ) { response in
        var sample = WorkerSample()
        var received = 0
        var previous: ContinuousClock.Instant?
        for try await message in response.messages {
          let now = ContinuousClock.now
          guard message.count == Payload.streamMessageSize else {
            throw RPCError(code: .internalError, message: "stream message of \(message.count) bytes")
          }
          received += 1
          if window.contains(now) {
            sample.operations += 1
            if let previous { sample.latency.record((now - previous).nanoseconds) }
          }
          previous = now
        }
        return (sample, received)
      }
      guard received == messages else {
        throw RPCError(code: .internalError, message: "stream of \(received) messages, expected \(messages)")
      }
      sample.add(streamSample)
    }
    return sample
  }

  /// `inFlight` workers each opening a new connection (new transport, TCP, full TLS handshake, HTTP/2 set-up),
  /// making one unary call on it and closing it, until the window ends.
  private static func newConnections(
    _ workload: Workload,
    target: BenchTarget,
    server: ServerProcess,
    settings: Settings
  ) async throws -> Measurement {
    let window = MeasurementWindow(warmUp: settings.warmUp, duration: settings.duration)
    async let serverCPU = window.serverCPU(of: server)
    let sample = try await withThrowingTaskGroup(of: WorkerSample.self) { workers in
      for _ in 0..<workload.inFlight {
        workers.addTask {
          var sample = WorkerSample()
          while true {
            let started = ContinuousClock.now
            guard started < window.end else { break }
            let answered = try await withGRPCClient(transport: try target.makeTransport()) { client in
              try await BenchTarget.unaryCall(client)
              return ContinuousClock.now
            }
            // Counted once the connection is closed again, so the rate includes closing.
            if window.contains(started) {
              sample.latency.record((answered - started).nanoseconds)
              sample.operations += 1
            }
          }
          return sample
        }
      }
      return try await workers.reduce(into: WorkerSample()) { $0.add($1) }
    }
    return Measurement(
      workload: workload,
      operations: sample.operations,
      seconds: window.seconds,
      latency: sample.latency,
      serverCPU: try await serverCPU
    )
  }
}
