import Histogram
import SoukRPC

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

  /// The deadline of a streaming call: far beyond any stream's length, as GRPCBench's calls have none.
  private static let streamTimeout = Duration.seconds(3600)

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
    let clients = (0..<workload.connections).map { _ in target.makeClient() }
    defer {
      for client in clients { client.close() }
    }
    // Every connection up (TCP, TLS, souk/1 settings) before the clock starts.
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

  /// One worker of the unary workload: a call at a time until the window ends.
  private static func unaryCalls(_ client: RPCClient, window: MeasurementWindow) async throws -> WorkerSample {
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
    _ client: RPCClient,
    window: MeasurementWindow,
    messages: Int
  ) async throws -> WorkerSample {
    var sample = WorkerSample()
    let request = Payload.streamRequest(messages: messages)
    while ContinuousClock.now < window.end {
      let (streamSample, received) = try await client.serverStreaming(
        SoukBenchV1.BenchService.Method.Stream.self,
        request: request,
        options: CallOptions(timeout: streamTimeout)
      ) { response in
        var sample = WorkerSample()
        var received = 0
        var previous: ContinuousClock.Instant?
        for try await message in response {
          let now = ContinuousClock.now
          guard message.encodedSize() == Payload.streamMessageSize else {
            throw RPCError(code: .internalError, message: "stream message of \(message.encodedSize()) bytes")
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

  /// `inFlight` workers each opening a new connection (new client sharing one TLS context, TCP, full TLS handshake,
  /// souk/1 settings), making one unary call on it and closing it, until the window ends.
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
            let client = target.makeClient()
            do {
              try await BenchTarget.unaryCall(client)
            } catch {
              client.close()
              throw error
            }
            let answered = ContinuousClock.now
            // RPCClient.close() starts a graceful close and returns (no API awaits the socket's closing), so
            // unlike GRPCBench's cycles the rate does not wait for the connection to be closed.
            client.close()
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
