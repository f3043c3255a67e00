package import Logging
package import NIOCore
package import SoukWire
import Synchronization

/// One call on the server: the stream it runs on, its request (for methods that take one), and how it ends.
///
/// The router's handlers read requests and write responses through it; ``finish(_:deadline:)`` sends the status
/// exactly once, unless the call already ended (cancelled by the client, or its deadline passed).
package final class ServerCall: Sendable {
  package let stream: CallStream
  private let outbox: FrameOutbox
  private let singleRequest: ByteBuffer?
  private let limits: DecodingLimits
  package let response: ResponseMetadata
  private let logger: Logger
  private let task = Mutex<TaskState>(.notStarted)

  private enum TaskState {
    case notStarted
    case running(Task<Void, Never>)
    case cancelledBeforeStart
  }

  package init(
    stream: CallStream,
    outbox: FrameOutbox,
    singleRequest: ByteBuffer?,
    limits: DecodingLimits,
    logger: Logger
  ) {
    self.logger = logger
    self.stream = stream
    self.outbox = outbox
    self.singleRequest = singleRequest
    self.limits = limits
    self.response = ResponseMetadata()
  }

  /// Decodes the request of a unary or server-streaming call.
  ///
  /// - Throws: ``RPCError`` `invalidArgument` when the bytes are not a valid `M`.
  package func decodeSingleRequest<M: WireMessage>(_ type: M.Type) throws -> M {
    guard let request = self.singleRequest else {
      throw RPCError(code: .internalError, message: "the call has no single request")
    }
    return try self.decode(M.self, from: request)
  }

  /// The requests of a client-streaming or bidirectional call, decoded as they are read.
  package func requests<M: WireMessage>(_ type: M.Type) -> RPCAsyncSequence<M> {
    RPCAsyncSequence {
      {
        guard let bytes = try await self.stream.nextMessage() else { return nil }
        return try self.decode(M.self, from: bytes)
      }
    }
  }

  private func decode<M: WireMessage>(_ type: M.Type, from bytes: ByteBuffer) throws(RPCError) -> M {
    do {
      return try M(decoding: bytes, limits: self.limits)
    } catch {
      throw RPCError(code: .invalidArgument, message: "the request is not a valid \(M.fullName): \(error)")
    }
  }

  /// Sends one response message, after the initial metadata if the handler set some.
  package func write<M: WireMessage>(_ message: M) async throws {
    self.sendInitialMetadataIfNeeded()
    try await self.stream.send(message)
  }

  private func sendInitialMetadataIfNeeded() {
    guard let metadata = self.response.takeInitial() else { return }
    let valid = self.sendable(metadata)
    guard !valid.isEmpty else { return }
    let id = self.stream.id
    self.outbox.append { $0.writeFrame(Frame(streamID: id, payload: .headers(valid))) }
  }

  /// Starts the handler's task; if the call was cancelled before, the task starts cancelled.
  package func start(_ body: @escaping @Sendable () async -> Void) {
    let task = Task(operation: body)
    let cancelNow = self.task.withLock { state -> Bool in
      if case .cancelledBeforeStart = state { return true }
      state = .running(task)
      return false
    }
    if cancelNow { task.cancel() }
  }

  /// Cancels the handler's task (client CANCEL, deadline, connection lost, shutdown grace over).
  package func cancel() {
    let running = self.task.withLock { state -> Task<Void, Never>? in
      switch state {
      case .notStarted, .cancelledBeforeStart:
        state = .cancelledBeforeStart
        return nil
      case .running(let task):
        return task
      }
    }
    running?.cancel()
  }

  /// Ends the call with the handler's outcome, unless it has ended already; an error that is neither an
  /// ``RPCError`` nor ``RPCErrorConvertible`` becomes `internalError` without its text, which is logged instead.
  package func finish(_ outcome: Result<Void, any Error>, deadline: ContinuousClock.Instant?) {
    let trailer: StatusTrailer
    switch outcome {
    case .success:
      trailer = .ok(metadata: self.response.trailing())
    case .failure(let error):
      var (rpcError, isUnexpected) = RPCOutcome.status(for: error, deadline: deadline)
      if isUnexpected {
        self.logger.error(
          "handler failed with an unexpected error", metadata: ["error": "\(String(reflecting: error))"])
      }
      for entry in self.response.trailing() { rpcError.metadata.append(entry) }
      trailer = StatusTrailer(rpcError)
    }
    self.end(with: trailer)
  }

  /// The entries of `metadata` a frame can carry; the others are dropped and logged (a handler's mistake must
  /// not take the connection down).
  private func sendable(_ metadata: Metadata) -> Metadata {
    let (valid, problems) = MetadataBlock.sendable(metadata)
    for problem in problems {
      self.logger.error("dropped response metadata a frame cannot carry", metadata: ["problem": "\(problem)"])
    }
    return valid
  }

  /// Sends `trailer` and closes the stream, unless it has ended already.
  package func end(with trailer: StatusTrailer) {
    var trailer = trailer
    trailer.metadata = self.sendable(trailer.metadata)
    let closing = trailer.error ?? RPCError(code: .cancelled, message: "the call has ended")
    guard self.stream.close(with: closing) else { return }
    self.sendInitialMetadataIfNeeded()
    let id = self.stream.id
    self.outbox.append(finishing: id) { $0.writeFrame(Frame(streamID: id, payload: .status(trailer))) }
  }
}
