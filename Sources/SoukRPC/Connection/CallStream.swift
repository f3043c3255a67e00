package import NIOCore
package import SoukWire
import Synchronization

/// One call's stream as both ends of a connection see it: the flow-controlled way out, the queue of messages in,
/// and how the stream ended.
///
/// The event loop delivers frames into it; the call's task writes and reads through it. All state sits behind one
/// lock, so a writer never waits for a hop to the event loop unless the peer's window is full.
package final class CallStream: Sendable {
  private let streamID: Atomic<UInt32>
  private let outbox: FrameOutbox
  /// The window this side grants the peer, to refill when the application consumes messages.
  private let localWindowBytes: Int
  private let state: Mutex<State>

  private struct State {
    /// Bytes this side may still send before the peer grants credit.
    var sendWindow: Int
    /// The largest frame payload the peer accepts.
    var peerMaxFrameBytes: Int
    var writeWaiter: CheckedContinuation<Void, any Error>?
    /// Bytes the peer may still send before this side grants credit.
    var receiveWindow: Int
    /// Bytes consumed by the application (or joined into a partial message) not yet granted back.
    var creditOwed = 0
    /// Complete messages, each with the credit to return when the reader takes it.
    var inbound = CircularBuffer<(message: ByteBuffer, credit: Int)>()
    var inboundWaiter: CheckedContinuation<ByteBuffer?, any Error>?
    /// Set when the peer sends no more messages: nil error for a clean end.
    var inboundEnd: Result<Void, RPCError>?
    /// Set when the call is over for this side: writes fail with it.
    var closedError: RPCError?
  }

  /// Creates a stream.
  ///
  /// - Parameters:
  ///   - id: the stream id; 0 for a client stream until ``open(id:sendWindowBytes:peerMaxFrameBytes:)``.
  ///   - sendWindowBytes: the peer's initial window for this stream.
  ///   - receiveWindowBytes: the window this side grants the peer.
  ///   - peerMaxFrameBytes: the largest frame payload the peer accepts.
  package init(id: UInt32, outbox: FrameOutbox, sendWindowBytes: Int, receiveWindowBytes: Int, peerMaxFrameBytes: Int) {
    self.streamID = Atomic(id)
    self.outbox = outbox
    self.localWindowBytes = receiveWindowBytes
    self.state = Mutex(
      State(sendWindow: sendWindowBytes, peerMaxFrameBytes: peerMaxFrameBytes, receiveWindow: receiveWindowBytes)
    )
  }

  /// The stream's id on the connection; 0 until a client stream is opened.
  package var id: UInt32 { self.streamID.load(ordering: .acquiring) }

  /// Opens a client stream on the event loop, before any of its frames is written: its id and the peer's
  /// limits as its SETTINGS announced them.
  package func open(id: UInt32, sendWindowBytes: Int, peerMaxFrameBytes: Int) {
    self.state.withLock { state in
      state.sendWindow = sendWindowBytes
      state.peerMaxFrameBytes = peerMaxFrameBytes
    }
    self.streamID.store(id, ordering: .releasing)
  }

  // MARK: Sending

  /// Sends one message, in as many MESSAGE frames as the frame size and the peer's window require.
  ///
  /// - Throws: the stream's closing error once it has ended; `CancellationError` when the task is cancelled while
  ///   waiting for credit.
  package func send(_ message: some WireMessage) async throws {
    try await self.outbox.waitUntilWritable()
    let size = message.encodedSize()
    if let maxFrameBytes = try self.reserveWindow(exactly: size) {
      let id = self.id
      self.outbox.append { $0.writeMessageFrames(streamID: id, message: message, maxFrameBytes: maxFrameBytes) }
      return
    }
    // Larger than one frame or than the window: encode once, then send as credit allows.
    var encoded = ByteBuffer()
    message.encode(into: &encoded)
    try await self.sendChunks(of: encoded)
  }

  /// Takes `size` bytes of window if they are all available and fit one frame, returning the peer's frame
  /// limit; nil otherwise. Throws if the stream has closed.
  private func reserveWindow(exactly size: Int) throws -> Int? {
    try self.state.withLock { state throws(RPCError) in
      if let error = state.closedError { throw error }
      guard state.sendWindow >= size, size <= state.peerMaxFrameBytes else { return nil }
      state.sendWindow -= size
      return state.peerMaxFrameBytes
    }
  }

  private func sendChunks(of message: ByteBuffer) async throws {
    var remaining = message
    repeat {
      try await self.outbox.waitUntilWritable()
      let granted = try await self.takeWindow(upTo: remaining.readableBytes)
      // `readSlice` cannot fail: `granted` never exceeds the readable bytes.
      let chunk = remaining.readSlice(length: granted) ?? ByteBuffer()
      let more = remaining.readableBytes > 0
      let id = self.id
      self.outbox.append { $0.writeFrame(Frame(streamID: id, payload: .message(chunk, more: more))) }
    } while remaining.readableBytes > 0
  }

  /// Waits until the window is open, then takes up to `wanted` bytes of it (at least one unless `wanted` is 0).
  private func takeWindow(upTo wanted: Int) async throws -> Int {
    while true {
      let taken: Int? = try self.state.withLock { state throws(RPCError) in
        if let error = state.closedError { throw error }
        guard wanted > 0 else { return 0 }
        guard state.sendWindow > 0 else { return nil }
        let taken = min(wanted, state.sendWindow, state.peerMaxFrameBytes)
        state.sendWindow -= taken
        return taken
      }
      if let taken { return taken }
      try await self.waitForWindow()
    }
  }

  private func waitForWindow() async throws {
    try await withTaskCancellationHandler {
      try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
        let resume: Result<Void, any Error>? = self.state.withLock { state in
          if let error = state.closedError { return .failure(error) }
          if state.sendWindow > 0 { return .success(()) }
          if Task.isCancelled { return .failure(CancellationError()) }
          state.writeWaiter = continuation
          return nil
        }
        if let resume { continuation.resume(with: resume) }
      }
    } onCancel: {
      let waiter = self.state.withLock { state in
        let waiter = state.writeWaiter
        state.writeWaiter = nil
        return waiter
      }
      waiter?.resume(throwing: CancellationError())
    }
  }

  /// Adds credit the peer granted; returns false if the window would exceed 2^31-1 (a flow-control error).
  package func windowUpdated(by increment: UInt32) -> Bool {
    let (valid, waiter) = self.state.withLock { state -> (Bool, CheckedContinuation<Void, any Error>?) in
      state.sendWindow += Int(increment)
      guard state.sendWindow <= Int(Int32.max) else { return (false, nil) }
      let waiter = state.writeWaiter
      state.writeWaiter = nil
      return (true, waiter)
    }
    waiter?.resume()
    return valid
  }

  // MARK: Receiving

  /// Counts `byteCount` received message bytes against the window granted to the peer; false if the peer sent
  /// more than it was allowed.
  package func receiveWindowConsumed(_ byteCount: Int) -> Bool {
    self.state.withLock { state in
      guard byteCount <= state.receiveWindow else { return false }
      state.receiveWindow -= byteCount
      return true
    }
  }

  /// Grants credit right away for bytes joined into a message that is not complete yet, so a message larger
  /// than the window can always arrive.
  package func partialMessageReceived(_ byteCount: Int) {
    self.returnCredit(byteCount)
  }

  /// Queues a complete message for the reader; called on the event loop.
  ///
  /// A waiting reader is not woken here: the connection calls ``deliverReceived()`` once per read batch, so a
  /// burst of messages costs the reader one wake-up instead of one per message.
  ///
  /// - Parameter creditOnConsume: the bytes to grant back when the reader takes it (0 for a joined message,
  ///   whose parts were granted as they arrived).
  /// - Returns: true if a reader is waiting, so ``deliverReceived()`` is due.
  package func receive(_ message: ByteBuffer, creditOnConsume: Int) -> Bool {
    self.state.withLock { state in
      guard state.inboundEnd == nil else { return false }
      state.inbound.append((message, creditOnConsume))
      return state.inboundWaiter != nil
    }
  }

  /// Wakes a waiting reader with the first queued message, or with the end of the stream once the queue is
  /// empty and the stream has ended.
  package func deliverReceived() {
    let delivery: (CheckedContinuation<ByteBuffer?, any Error>, Result<ByteBuffer?, RPCError>, credit: Int)? =
      self.state.withLock { state in
        guard let waiter = state.inboundWaiter else { return nil }
        if let entry = state.inbound.popFirst() {
          state.inboundWaiter = nil
          return (waiter, .success(entry.message), entry.credit)
        }
        switch state.inboundEnd {
        case nil:
          return nil
        case .success?:
          state.inboundWaiter = nil
          return (waiter, .success(nil), 0)
        case .failure(let error)?:
          state.inboundWaiter = nil
          return (waiter, .failure(error), 0)
        }
      }
    guard let (waiter, result, credit) = delivery else { return }
    self.returnCredit(credit)
    waiter.resume(with: result.mapError { $0 as any Error })
  }

  /// Ends the inbound messages: cleanly with nil, or with an error the reader throws after the queued messages.
  package func finishReceiving(_ error: RPCError?) {
    self.state.withLock { state in
      guard state.inboundEnd == nil else { return }
      state.inboundEnd = error.map { .failure($0) } ?? .success(())
    }
    self.deliverReceived()
  }

  /// The next inbound message, nil at a clean end; throws the stream's error or `CancellationError`.
  package func nextMessage() async throws -> ByteBuffer? {
    let immediate: (Result<ByteBuffer?, any Error>, credit: Int)? = self.state.withLock { state in
      if let entry = state.inbound.popFirst() { return (.success(entry.message), entry.credit) }
      switch state.inboundEnd {
      case .success?: return (.success(nil), 0)
      case .failure(let error)?: return (.failure(error), 0)
      case nil: return nil
      }
    }
    if let immediate {
      self.returnCredit(immediate.credit)
      return try immediate.0.get()
    }
    return try await withTaskCancellationHandler {
      try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<ByteBuffer?, any Error>) in
        let resume: (Result<ByteBuffer?, any Error>, credit: Int)? = self.state.withLock { state in
          if let entry = state.inbound.popFirst() { return (.success(entry.message), entry.credit) }
          switch state.inboundEnd {
          case .success?: return (.success(nil), 0)
          case .failure(let error)?: return (.failure(error), 0)
          case nil: break
          }
          if Task.isCancelled { return (.failure(CancellationError()), 0) }
          state.inboundWaiter = continuation
          return nil
        }
        if let resume {
          self.returnCredit(resume.credit)
          continuation.resume(with: resume.0)
        }
      }
    } onCancel: {
      let waiter = self.state.withLock { state in
        let waiter = state.inboundWaiter
        state.inboundWaiter = nil
        return waiter
      }
      waiter?.resume(throwing: CancellationError())
    }
  }

  /// Records consumed bytes and sends a WINDOW_UPDATE once half the window is owed.
  private func returnCredit(_ byteCount: Int) {
    guard byteCount > 0 else { return }
    let grant: Int? = self.state.withLock { state in
      guard state.closedError == nil else { return nil }
      state.creditOwed += byteCount
      guard state.creditOwed >= self.localWindowBytes / 2 else { return nil }
      let grant = state.creditOwed
      state.creditOwed = 0
      state.receiveWindow += grant
      return grant
    }
    if let grant {
      let id = self.id
      self.outbox.append { $0.writeFrame(Frame(streamID: id, payload: .windowUpdate(increment: UInt32(grant)))) }
    }
  }

  // MARK: Ending

  /// Ends the stream for this side: pending and later writes fail with `error`, and a reader still waiting gets
  /// it too unless the inbound side already ended.
  ///
  /// - Returns: true if this call ended the stream, false if it had ended already; the side that gets true sends
  ///   the stream's last frame.
  @discardableResult
  package func close(with error: RPCError) -> Bool {
    let (wasOpen, writer, reader) = self.state.withLock {
      state -> (Bool, CheckedContinuation<Void, any Error>?, CheckedContinuation<ByteBuffer?, any Error>?) in
      let wasOpen = state.closedError == nil
      if wasOpen { state.closedError = error }
      let writer = state.writeWaiter
      state.writeWaiter = nil
      var reader: CheckedContinuation<ByteBuffer?, any Error>?
      if state.inboundEnd == nil {
        state.inboundEnd = .failure(error)
        reader = state.inboundWaiter
        state.inboundWaiter = nil
      }
      return (wasOpen, writer, reader)
    }
    writer?.resume(throwing: error)
    reader?.resume(throwing: error)
    return wasOpen
  }

  /// Whether the stream has ended for this side.
  package var isClosed: Bool {
    self.state.withLock { $0.closedError != nil }
  }
}
