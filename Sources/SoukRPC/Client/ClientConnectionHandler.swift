import NIOCore
import SoukTLS

/// The client end of one souk/1 connection: sends the preface, waits for the server's settings, opens calls
/// (queueing them past the server's concurrency limit), delivers the server's frames to them, enforces
/// deadlines and keepalive, and fails every call with `unavailable` when the connection is lost.
final class ClientConnectionHandler: ChannelInboundHandler {
  typealias InboundIn = Frame
  typealias OutboundOut = ByteBuffer

  private enum Phase {
    case awaitingSettings
    case ready
    /// The server sent GOAWAY, or this client is closing: no new calls.
    case goingAway
    case closed
  }

  private let localSettings: ConnectionSettings
  /// The server's settings; read by ``RPCClient`` once ``ready`` has completed.
  private(set) var peerSettings = ConnectionSettings.defaults
  private var phase = Phase.awaitingSettings
  private var nextStreamID: UInt32 = 1
  private var streams: [UInt32: Record] = [:]
  private var waitingToOpen = CircularBuffer<ClientCall>()
  /// Streams that received messages in this read batch while their reader was waiting.
  private var awaitingDelivery: [CallStream] = []
  private(set) var outbox: FrameOutbox?
  private var context: ChannelHandlerContext?
  private var keepalive: Keepalive
  private var keepaliveTask: RepeatedTask?
  private var connectionError: (any Error)?
  /// Completed when the server's SETTINGS arrive; failed when the connection ends first.
  let ready: EventLoopPromise<Void>
  /// Called when the connection stops taking new calls.
  var onUnusable: (@Sendable () -> Void)?

  private final class Record {
    let call: ClientCall
    /// Joins the responses' MESSAGE frames.
    var assembler = MessageAssembler()
    /// Whether a HEADERS or MESSAGE frame has arrived (settling the initial metadata).
    var sawResponse = false
    var deadlineTimer: Scheduled<Void>?

    init(call: ClientCall) {
      self.call = call
    }
  }

  init(
    localSettings: ConnectionSettings,
    keepaliveInterval: TimeAmount,
    keepaliveTimeout: TimeAmount,
    eventLoop: any EventLoop
  ) {
    self.localSettings = localSettings
    self.keepalive = Keepalive(interval: keepaliveInterval, timeout: keepaliveTimeout, now: .now())
    self.ready = eventLoop.makePromise()
  }

  // MARK: Channel events

  func handlerAdded(context: ChannelHandlerContext) {
    self.context = context
    let loopBound = NIOLoopBound(self, eventLoop: context.eventLoop)
    let outbox = FrameOutbox(eventLoop: context.eventLoop, allocator: context.channel.allocator) {
      loopBound.value.drainOutbox()
    }
    self.outbox = outbox
    let settings = self.localSettings
    outbox.append {
      $0.writePreface()
      $0.writeFrame(Frame(streamID: 0, payload: .settings(settings.update)))
    }
  }

  /// Starts pinging once the connection is ready: the TLS handshake has its own timeout.
  private func startKeepalive(context: ChannelHandlerContext) {
    self.keepalive.received(at: .now())
    let loopBound = NIOLoopBound(self, eventLoop: context.eventLoop)
    self.keepaliveTask = context.eventLoop.scheduleRepeatedTask(
      initialDelay: self.keepalive.tickInterval,
      delay: self.keepalive.tickInterval
    ) { _ in
      loopBound.value.keepaliveTick()
    }
  }

  func handlerRemoved(context: ChannelHandlerContext) {
    self.keepaliveTask?.cancel()
    // The outbox's drain closure and the connection's callback hold this handler: break the cycles.
    self.outbox?.close()
    self.outbox = nil
    self.onUnusable = nil
    self.ready.fail(RPCError(code: .unavailable, message: "the connection closed before it was ready"))
    self.context = nil
  }

  func errorCaught(context: ChannelHandlerContext, error: any Error) {
    if self.connectionError == nil { self.connectionError = error }
    if let error = error as? FrameDecodingError {
      let goAway = GoAway(lastStreamID: 0, code: error.goAwayCode, message: error.message)
      self.outbox?.append { $0.writeFrame(Frame(streamID: 0, payload: .goAway(goAway))) }
      self.drainOutbox()
    }
    context.close(promise: nil)
  }

  func channelInactive(context: ChannelHandlerContext) {
    self.keepaliveTask?.cancel()
    self.phase = .closed
    self.onUnusable?()
    self.outbox?.close()
    let reason = self.connectionError.map { "\($0)" } ?? "the connection closed"
    let error = RPCError(code: .unavailable, message: reason, cause: self.connectionError)
    self.ready.fail(error)
    for record in self.streams.values {
      record.deadlineTimer?.cancel()
      record.call.ended(error, trailingMetadata: Metadata())
    }
    self.streams.removeAll()
    while let call = self.waitingToOpen.popFirst() {
      call.ended(error, trailingMetadata: Metadata())
    }
    context.fireChannelInactive()
  }

  func channelRead(context: ChannelHandlerContext, data: NIOAny) {
    let frame = self.unwrapInboundIn(data)
    self.keepalive.received(at: .now())
    switch frame.payload {
    case .settings(let update):
      guard case .awaitingSettings = self.phase else {
        return self.fail("the server sent SETTINGS twice", context: context)
      }
      do {
        try self.peerSettings.apply(update)
      } catch {
        return self.fail(error.message, context: context)
      }
      self.phase = .ready
      self.startKeepalive(context: context)
      self.ready.succeed()
      self.openWaitingCalls()
    case .ping(let data, let ack):
      if !ack {
        self.outbox?.append { $0.writeFrame(Frame(streamID: 0, payload: .ping(data: data, ack: true))) }
      }
    case .goAway(let goAway):
      self.serverWentAway(goAway)
    case .headers(let metadata):
      guard let record = self.streams[frame.streamID] else { return }
      record.sawResponse = true
      record.call.receivedInitialMetadata(metadata)
    case .message(let bytes, let more):
      self.receiveMessage(bytes, more: more, streamID: frame.streamID, context: context)
    case .status(let trailer):
      guard let record = self.streams[frame.streamID] else { return }
      record.call.ended(trailer.error, trailingMetadata: trailer.metadata)
      self.forget(frame.streamID)
    case .windowUpdate(let increment):
      guard let record = self.streams[frame.streamID] else { return }
      if !record.call.stream.windowUpdated(by: increment) {
        self.fail("WINDOW_UPDATE overflows the window of stream \(frame.streamID)", context: context)
      }
    case .streamError(_, let error):
      // Oversized metadata on HEADERS or STATUS: that call fails, the connection stays.
      guard let record = self.streams[frame.streamID] else { return }
      record.call.ended(error, trailingMetadata: Metadata())
      self.outbox?.append(finishing: frame.streamID) {
        $0.writeFrame(Frame(streamID: frame.streamID, payload: .cancel(.cancelled)))
      }
    case .call, .halfClose, .cancel:
      self.fail("a server may not send \(frame.type)", context: context)
    }
  }

  func channelWritabilityChanged(context: ChannelHandlerContext) {
    self.outbox?.writabilityChanged(isWritable: context.channel.isWritable)
    context.fireChannelWritabilityChanged()
  }

  func channelReadComplete(context: ChannelHandlerContext) {
    for stream in self.awaitingDelivery { stream.deliverReceived() }
    self.awaitingDelivery.removeAll(keepingCapacity: true)
    self.drainOutbox()
    context.fireChannelReadComplete()
  }

  // MARK: Calls

  /// Opens `call` now, or queues it until the server's settings arrive or a stream frees up.
  func open(_ call: ClientCall) {
    switch self.phase {
    case .closed, .goingAway:
      call.ended(RPCError(code: .unavailable, message: "the connection is closing"), trailingMetadata: Metadata())
      return
    case .awaitingSettings:
      self.waitingToOpen.append(call)
      return
    case .ready:
      break
    }
    guard self.streams.count < self.peerSettings.maxConcurrentStreams, self.waitingToOpen.isEmpty else {
      self.waitingToOpen.append(call)
      return
    }
    self.openNow(call)
  }

  private func openNow(_ call: ClientCall) {
    guard let outbox = self.outbox, let context = self.context, !call.hasEnded else {
      // Cancelled while waiting, or the connection is gone: the caller must not wait for the open.
      call.opened(.failure(RPCError(code: .cancelled, message: "the call ended before it was opened")))
      return
    }
    guard self.nextStreamID < UInt32(Int32.max) else {
      call.ended(
        RPCError(code: .unavailable, message: "the connection ran out of stream ids"), trailingMetadata: Metadata())
      self.markGoingAway()
      return
    }
    let id = self.nextStreamID
    self.nextStreamID += 2
    call.stream.open(
      id: id,
      // A request sent with the CALL has used its bytes of the window already.
      sendWindowBytes: self.peerSettings.initialWindowBytes - call.firstFramesMessageBytes,
      peerMaxFrameBytes: self.peerSettings.maxFrameBytes
    )
    let record = Record(call: call)
    self.streams[id] = record
    var header = call.header
    if let timeout = call.timeout {
      let microseconds = timeout.components.seconds * 1_000_000 + timeout.components.attoseconds / 1_000_000_000_000
      header.timeoutMicroseconds = UInt64(max(microseconds, 1))
      record.deadlineTimer = context.eventLoop.assumeIsolated().scheduleTask(in: .microseconds(max(microseconds, 1))) {
        [weak self] in
        self?.cancel(call, code: .deadlineExceeded)
      }
    }
    let maxFrameBytes = self.peerSettings.maxFrameBytes
    outbox.append {
      $0.writeFrame(Frame(streamID: id, payload: .call(header)))
      call.firstFrames?(&$0, id, maxFrameBytes)
    }
    call.opened(.success(()))
  }

  private func openWaitingCalls() {
    while case .ready = self.phase, self.streams.count < self.peerSettings.maxConcurrentStreams,
      let call = self.waitingToOpen.popFirst()
    {
      self.openNow(call)
    }
  }

  /// Ends `call` from the client's side: CANCEL to the server, the error to the caller.
  func cancel(_ call: ClientCall, code: RPCError.Code) {
    let error =
      code == .deadlineExceeded
      ? RPCError(code: .deadlineExceeded, message: "the deadline expired")
      : RPCError(code: .cancelled, message: "the call was cancelled")
    let id = call.stream.id
    guard id != 0, self.streams[id] != nil else {
      // Not opened yet: it never reaches the server.
      call.ended(error, trailingMetadata: Metadata())
      return
    }
    call.ended(error, trailingMetadata: Metadata())
    self.outbox?.append(finishing: id) { $0.writeFrame(Frame(streamID: id, payload: .cancel(code))) }
  }

  private func receiveMessage(_ bytes: ByteBuffer, more: Bool, streamID: UInt32, context: ChannelHandlerContext) {
    guard let record = self.streams[streamID] else { return }
    let stream = record.call.stream
    guard stream.receiveWindowConsumed(bytes.readableBytes) else {
      return self.fail("the server overran the window of stream \(streamID)", code: .flowControlError, context: context)
    }
    if !record.sawResponse {
      record.sawResponse = true
      record.call.receivedInitialMetadata(Metadata())
    }
    let maxMessageBytes = self.localSettings.maxMessageBytes
    switch record.assembler.receive(
      bytes,
      more: more,
      maxMessageBytes: maxMessageBytes,
      stream: stream,
      allocator: context.channel.allocator
    ) {
    case .incomplete:
      break
    case .tooLarge:
      let error = RPCError(
        code: .resourceExhausted,
        message: "a response message exceeds the limit of \(maxMessageBytes) bytes"
      )
      record.call.ended(error, trailingMetadata: Metadata())
      self.outbox?.append(finishing: streamID) {
        $0.writeFrame(Frame(streamID: streamID, payload: .cancel(.cancelled)))
      }
    case .complete(let message, let creditOnConsume):
      if stream.receive(message, creditOnConsume: creditOnConsume) { self.awaitingDelivery.append(stream) }
    }
  }

  private func forget(_ id: UInt32) {
    guard let record = self.streams.removeValue(forKey: id) else { return }
    record.deadlineTimer?.cancel()
    self.openWaitingCalls()
    if case .goingAway = self.phase, self.streams.isEmpty {
      self.context?.close(promise: nil)
    }
  }

  // MARK: Closing

  private func serverWentAway(_ goAway: GoAway) {
    self.markGoingAway()
    let error = RPCError(code: .unavailable, message: "the server is going away: \(goAway.message)")
    for (id, record) in self.streams where id > goAway.lastStreamID {
      record.call.ended(error, trailingMetadata: Metadata())
      self.streams[id] = nil
      record.deadlineTimer?.cancel()
    }
    while let call = self.waitingToOpen.popFirst() {
      call.ended(error, trailingMetadata: Metadata())
    }
    if self.streams.isEmpty { self.context?.close(promise: nil) }
  }

  /// Stops taking calls; closes once the calls in flight end.
  func closeGracefully() {
    self.markGoingAway()
    let error = RPCError(code: .unavailable, message: "the client is closing")
    while let call = self.waitingToOpen.popFirst() {
      call.ended(error, trailingMetadata: Metadata())
    }
    if self.streams.isEmpty {
      let goAway = GoAway(lastStreamID: 0, code: .noError, message: "the client is closing")
      self.outbox?.append { $0.writeFrame(Frame(streamID: 0, payload: .goAway(goAway))) }
      self.drainOutbox()
      self.context?.close(promise: nil)
    }
  }

  private func markGoingAway() {
    switch self.phase {
    case .awaitingSettings, .ready:
      self.phase = .goingAway
      self.onUnusable?()
    case .goingAway, .closed:
      break
    }
  }

  private func fail(_ message: String, code: GoAwayCode = .protocolError, context: ChannelHandlerContext) {
    self.connectionError = RPCError(code: .internalError, message: "protocol error from the server: \(message)")
    let goAway = GoAway(lastStreamID: 0, code: code, message: message)
    self.outbox?.append { $0.writeFrame(Frame(streamID: 0, payload: .goAway(goAway))) }
    self.drainOutbox()
    context.close(promise: nil)
  }

  // MARK: Writing and keepalive

  /// Writes and flushes everything in the outbox, then forgets streams that ended.
  func drainOutbox() {
    guard let context = self.context, let outbox = self.outbox else { return }
    for id in outbox.flush(to: context) { self.forget(id) }
  }

  private func keepaliveTick() {
    guard let context = self.context else { return }
    switch self.keepalive.tick(at: .now()) {
    case .none:
      break
    case .sendPing:
      self.outbox?.append { $0.writeFrame(Frame(streamID: 0, payload: .ping(data: 0x636C_6965_6E74, ack: false))) }
      self.drainOutbox()
    case .close:
      self.connectionError = RPCError(code: .unavailable, message: "the server stopped answering pings")
      context.close(promise: nil)
    }
  }
}
