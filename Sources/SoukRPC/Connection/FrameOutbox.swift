package import NIOCore
import Synchronization

/// The bytes waiting to go out on one connection: every frame, from any thread, is appended to one buffer that
/// the event loop writes and flushes as a single write.
///
/// Several frames made ready between two turns of the event loop leave in one TLS record and one system call,
/// and a message is encoded straight into this buffer: nothing copies it again before TLS encrypts it.
package final class FrameOutbox: Sendable {
  private struct State {
    var buffer: ByteBuffer
    var drainScheduled = false
    var isClosed = false
    /// Streams whose last frame is in `buffer`; the connection forgets them when it drains.
    var finishedStreams: [UInt32] = []
    /// Whether the socket takes more bytes (NIO's channel writability).
    var isWritable = true
    /// Message writers parked until the socket takes bytes again, by ticket.
    var writableWaiters: [UInt64: CheckedContinuation<Void, any Error>] = [:]
    var nextTicket: UInt64 = 0
  }

  private let state: Mutex<State>
  private let eventLoop: any EventLoop
  private let allocator: ByteBufferAllocator
  private let scheduleDrain: @Sendable () -> Void

  /// Creates an outbox that asks `scheduleDrain` (run on the event loop) to drain it whenever it becomes
  /// non-empty.
  package init(eventLoop: any EventLoop, allocator: ByteBufferAllocator, drain: @escaping @Sendable () -> Void) {
    self.state = Mutex(State(buffer: allocator.buffer(capacity: 4096)))
    self.eventLoop = eventLoop
    self.allocator = allocator
    self.scheduleDrain = drain
  }

  /// Appends frames written by `write`; returns false (writing nothing) once the connection has closed.
  ///
  /// - Parameter finishing: the stream whose last frame this is, if any.
  @discardableResult
  package func append(finishing streamID: UInt32? = nil, _ write: (inout ByteBuffer) -> Void) -> Bool {
    let outcome: Bool? = self.state.withLock { state in
      guard !state.isClosed else { return nil }
      write(&state.buffer)
      if let streamID { state.finishedStreams.append(streamID) }
      if state.drainScheduled { return false }
      state.drainScheduled = true
      return true
    }
    guard let outcome else { return false }
    if outcome {
      self.eventLoop.execute(self.scheduleDrain)
    }
    return true
  }

  /// Takes everything appended so far; called on the event loop.
  private func take() -> (bytes: ByteBuffer?, finishedStreams: [UInt32]) {
    self.state.withLock { state in
      state.drainScheduled = false
      let finished = state.finishedStreams
      state.finishedStreams.removeAll(keepingCapacity: true)
      guard state.buffer.readableBytes > 0 else { return (nil, finished) }
      let bytes = state.buffer
      state.buffer = self.allocator.buffer(capacity: 4096)
      return (bytes, finished)
    }
  }

  /// Writes and flushes everything appended so far to `context`'s channel, on the event loop.
  ///
  /// - Returns: the streams whose last frame was among the bytes written, for the connection to forget.
  package func flush(to context: ChannelHandlerContext) -> [UInt32] {
    let (bytes, finished) = self.take()
    if let bytes {
      context.writeAndFlush(NIOAny(bytes), promise: nil)
    }
    return finished
  }

  /// Returns at once while the socket takes bytes; otherwise waits until it does, so a peer that stops reading
  /// holds message writers at the channel's high-water mark instead of letting the server queue without bound.
  ///
  /// - Throws: `CancellationError` when the task is cancelled while waiting.
  package func waitUntilWritable() async throws {
    let ticket: UInt64? = self.state.withLock { state in
      guard state.isWritable == false, !state.isClosed else { return nil }
      state.nextTicket += 1
      return state.nextTicket
    }
    guard let ticket else { return }
    try await withTaskCancellationHandler {
      try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
        let resume: Result<Void, any Error>? = self.state.withLock { state in
          if state.isWritable || state.isClosed { return .success(()) }
          if Task.isCancelled { return .failure(CancellationError()) }
          state.writableWaiters[ticket] = continuation
          return nil
        }
        if let resume { continuation.resume(with: resume) }
      }
    } onCancel: {
      let waiter = self.state.withLock { $0.writableWaiters.removeValue(forKey: ticket) }
      waiter?.resume(throwing: CancellationError())
    }
  }

  /// Records the channel's writability, on the event loop; becoming writable releases every parked writer.
  package func writabilityChanged(isWritable: Bool) {
    let waiters = self.state.withLock { state -> [CheckedContinuation<Void, any Error>] in
      state.isWritable = isWritable
      guard isWritable else { return [] }
      let waiters = Array(state.writableWaiters.values)
      state.writableWaiters.removeAll()
      return waiters
    }
    for waiter in waiters { waiter.resume() }
  }

  /// Refuses every later append; what was appended before is still taken.
  package func close() {
    let waiters = self.state.withLock { state -> [CheckedContinuation<Void, any Error>] in
      state.isClosed = true
      let waiters = Array(state.writableWaiters.values)
      state.writableWaiters.removeAll()
      return waiters
    }
    // Released writers find their streams closed with the connection.
    for waiter in waiters { waiter.resume() }
  }
}
