import NIOCore
import SoukWire
import Synchronization

/// One call as the client tracks it: its stream, the server's metadata, and how it is opened and cancelled.
///
/// Created by ``RPCClient`` on the caller's task; the connection's event loop opens it (assigning the stream id)
/// and delivers the server's frames into it.
package final class ClientCall: Sendable, ClientCallMetadata {
  package let header: CallHeader
  package let stream: CallStream
  /// Frames written right after CALL, in the same write (a small unary request and its HALF_CLOSE).
  let firstFrames: (@Sendable (inout ByteBuffer, UInt32, Int) -> Void)?
  /// The message bytes `firstFrames` sends, which count against the stream's window.
  let firstFramesMessageBytes: Int
  let timeout: Duration?
  private let connection: ClientConnection
  private let state = Mutex(State())

  private struct State {
    var initialMetadata: Metadata?
    var initialWaiters: [CheckedContinuation<Metadata, any Error>] = []
    var trailingMetadata = Metadata()
    var openWaiter: CheckedContinuation<Void, any Error>?
    var openResult: Result<Void, RPCError>?
    var ended = false
  }

  init(
    header: CallHeader,
    timeout: Duration?,
    connection: ClientConnection,
    firstFrames: (@Sendable (inout ByteBuffer, UInt32, Int) -> Void)?,
    firstFramesMessageBytes: Int
  ) {
    self.header = header
    self.timeout = timeout
    self.connection = connection
    self.firstFrames = firstFrames
    self.firstFramesMessageBytes = firstFramesMessageBytes
    self.stream = CallStream(
      id: 0,
      outbox: connection.outbox,
      sendWindowBytes: 0,
      receiveWindowBytes: connection.localSettings.initialWindowBytes,
      peerMaxFrameBytes: ConnectionSettings.defaults.maxFrameBytes
    )
  }

  // MARK: Caller side

  /// Asks the event loop to open the call, without waiting.
  func startOpening() {
    self.connection.open(self)
  }

  /// Opens the call and waits until its CALL frame is queued, so that its messages follow it.
  func open() async throws {
    try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
      let ended: RPCError? = self.state.withLock { state in
        if case .failure(let error)? = state.openResult { return error }
        state.openWaiter = continuation
        return nil
      }
      if let ended {
        continuation.resume(throwing: ended)
      } else {
        self.connection.open(self)
      }
    }
  }

  /// Opens the call and sends its only request, then half-closes; a small request rides in the CALL's write.
  func start(withSingleRequest request: some WireMessage) async throws {
    guard self.firstFrames == nil else {
      self.startOpening()
      return
    }
    try await self.open()
    try await self.send(request)
    self.halfClose()
  }

  /// Reads the call's only response, then waits for its `ok` status.
  func singleResponse<M: WireMessage>(_ type: M.Type) async throws -> M {
    guard let response = try await self.nextResponse(M.self) else {
      throw RPCError(code: .internalError, message: "the server ended \(self.header.method) without a response")
    }
    if try await self.nextResponse(M.self) != nil {
      throw RPCError(code: .internalError, message: "the server sent more than one response to \(self.header.method)")
    }
    return response
  }

  /// Sends one request message.
  func send(_ message: some WireMessage) async throws {
    do {
      try await self.stream.send(message)
    } catch {
      throw Self.rpcError(error)
    }
  }

  /// Tells the server no more requests follow.
  func halfClose() {
    let id = self.stream.id
    guard !self.stream.isClosed else { return }
    self.connection.outbox.append { $0.writeFrame(Frame(streamID: id, payload: .halfClose)) }
  }

  /// The next response message decoded as `M`; nil once the server ended the call with `ok`.
  func nextResponse<M: WireMessage>(_ type: M.Type) async throws -> M? {
    let bytes: ByteBuffer?
    do {
      bytes = try await self.stream.nextMessage()
    } catch {
      throw Self.rpcError(error)
    }
    guard let bytes else { return nil }
    do {
      return try M(
        decoding: bytes, limits: DecodingLimits(maxMessageBytes: self.connection.localSettings.maxMessageBytes))
    } catch {
      self.cancel(code: .cancelled)
      throw RPCError(code: .internalError, message: "the response is not a valid \(M.fullName): \(error)", cause: error)
    }
  }

  /// Abandons the call: the server is told with CANCEL and its handler is cancelled.
  func cancel(code: RPCError.Code = .cancelled) {
    self.connection.cancel(self, code: code)
  }

  /// Whether the call has ended.
  var hasEnded: Bool {
    self.state.withLock { $0.ended }
  }

  package func initialMetadata() async throws -> Metadata {
    try await withCheckedThrowingContinuation { continuation in
      let ready: Metadata? = self.state.withLock { state in
        if let metadata = state.initialMetadata { return metadata }
        state.initialWaiters.append(continuation)
        return nil
      }
      if let ready { continuation.resume(returning: ready) }
    }
  }

  package func trailingMetadata() -> Metadata {
    self.state.withLock { $0.trailingMetadata }
  }

  // MARK: Event-loop side

  /// The CALL frame is queued (or the call could not be opened).
  func opened(_ result: Result<Void, RPCError>) {
    let waiter = self.state.withLock { state in
      state.openResult = result
      let waiter = state.openWaiter
      state.openWaiter = nil
      return waiter
    }
    waiter?.resume(with: result.mapError { $0 as any Error })
  }

  /// The server's HEADERS arrived, or its first message or status (then with empty metadata).
  func receivedInitialMetadata(_ metadata: Metadata) {
    let waiters = self.state.withLock { state -> [CheckedContinuation<Metadata, any Error>] in
      guard state.initialMetadata == nil else { return [] }
      state.initialMetadata = metadata
      let waiters = state.initialWaiters
      state.initialWaiters = []
      return waiters
    }
    for waiter in waiters { waiter.resume(returning: metadata) }
  }

  /// The call ended: a STATUS arrived, or it was cancelled, or the connection was lost.
  func ended(_ error: RPCError?, trailingMetadata: Metadata) {
    let first = self.state.withLock { state -> Bool in
      guard !state.ended else { return false }
      state.ended = true
      state.trailingMetadata = trailingMetadata
      return true
    }
    guard first else { return }  // a late cancel must not replace the real outcome
    self.receivedInitialMetadata(Metadata())
    self.stream.finishReceiving(error)
    self.stream.close(with: error ?? RPCError(code: .cancelled, message: "the call has ended"))
    self.opened(.failure(error ?? RPCError(code: .cancelled, message: "the call has ended")))
  }

  /// Maps what a stream throws to the error a caller sees.
  static func rpcError(_ error: any Error) -> any Error {
    if let error = error as? RPCError { return error }
    if error is CancellationError { return RPCError(code: .cancelled, message: "the call was cancelled", cause: error) }
    return error
  }
}

/// A unary call's response with the server's initial and trailing metadata.
public struct ClientResponse<Message: Sendable>: Sendable {
  /// The response message.
  public var message: Message
  /// The server's initial metadata (empty if it sent none).
  public var initialMetadata: Metadata
  /// The metadata sent with the call's `ok` status.
  public var trailingMetadata: Metadata

  /// Creates a response.
  public init(message: Message, initialMetadata: Metadata, trailingMetadata: Metadata) {
    self.message = message
    self.initialMetadata = initialMetadata
    self.trailingMetadata = trailingMetadata
  }
}
