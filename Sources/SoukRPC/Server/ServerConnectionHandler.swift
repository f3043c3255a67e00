import Logging
import NIOCore
import NIOTLS
import SoukTLS
import SoukWire

/// The server end of one souk/1 connection: applies the connection rules, routes each CALL to its handler task,
/// joins and delivers messages, enforces deadlines, limits and keepalive, and drains gracefully on shutdown.
///
/// It sits after the frame decoder; it writes only through its ``FrameOutbox``, drained once per read batch or
/// once per burst of writes from handler tasks.
final class ServerConnectionHandler: ChannelInboundHandler {
  typealias InboundIn = Frame
  typealias OutboundOut = ByteBuffer

  /// A request to drain the connection, sent through the pipeline by ``RPCServer``.
  enum Event {
    /// Send GOAWAY, let running calls finish, then close.
    case shutDownGracefully
    /// End every remaining call with `unavailable` and close now.
    case shutDownNow
  }

  private let configuration: RPCServer.Configuration
  private let router: RPCRouter
  private let runner: CallRunner
  private var machine: ServerConnectionStateMachine
  private var streams: [UInt32: ServerStreamRecord] = [:]
  /// Streams that received messages in this read batch while their handler was waiting for one.
  private var awaitingDelivery: [CallStream] = []
  private var outbox: FrameOutbox?
  private var context: ChannelHandlerContext?
  private var peer: PeerInfo
  private var keepalive: Keepalive
  private var keepaliveTask: RepeatedTask?
  private var idleTimer: Scheduled<Void>?
  private var isClosing = false

  init(configuration: RPCServer.Configuration, router: RPCRouter, remoteAddress: String) {
    self.configuration = configuration
    self.router = router
    self.runner = CallRunner(interceptors: configuration.interceptors)
    self.machine = ServerConnectionStateMachine(localSettings: configuration.connectionSettings)
    self.peer = PeerInfo(remoteAddress: remoteAddress, tls: nil)
    self.keepalive = Keepalive(
      interval: configuration.keepaliveInterval,
      timeout: configuration.keepaliveTimeout,
      now: .now()
    )
  }

  // MARK: Channel events

  func handlerAdded(context: ChannelHandlerContext) {
    self.context = context
    let loopBound = NIOLoopBound(self, eventLoop: context.eventLoop)
    let outbox = FrameOutbox(eventLoop: context.eventLoop, allocator: context.channel.allocator) {
      loopBound.value.drainOutbox()
    }
    self.outbox = outbox
    // TLS holds these bytes until its handshake completes.
    let settings = self.machine.localSettings
    outbox.append { $0.writeFrame(Frame(streamID: 0, payload: .settings(settings.update))) }
    if context.channel.isActive { self.armIdleTimer(context: context) }
  }

  func channelActive(context: ChannelHandlerContext) {
    self.armIdleTimer(context: context)
    context.fireChannelActive()
  }

  func handlerRemoved(context: ChannelHandlerContext) {
    self.stopTimers()
    // The outbox's drain closure holds this handler: break the cycle.
    self.outbox?.close()
    self.outbox = nil
    self.context = nil
  }

  func channelInactive(context: ChannelHandlerContext) {
    self.stopTimers()
    self.machine.close()
    self.outbox?.close()
    let lost = RPCError(code: .unavailable, message: "the connection closed")
    for record in self.streams.values {
      record.deadlineTimer?.cancel()
      record.stream.close(with: lost)
      record.call?.cancel()
    }
    self.streams.removeAll()
    context.fireChannelInactive()
  }

  func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
    if case TLSUserEvent.handshakeCompleted = event {
      let tls = try? context.pipeline.syncOperations.handler(type: TLSHandler.self).connectionInfo
      self.peer.tls = tls
    } else if let event = event as? Event {
      switch event {
      case .shutDownGracefully: self.beginDraining(context: context)
      case .shutDownNow: self.closeNow(context: context)
      }
      return
    }
    context.fireUserInboundEventTriggered(event)
  }

  func errorCaught(context: ChannelHandlerContext, error: any Error) {
    if let error = error as? FrameDecodingError {
      self.connectionError(error.goAwayCode, error.message, context: context)
    } else {
      self.configuration.logger.debug(
        "connection failed",
        metadata: ["peer": "\(self.peer.remoteAddress)", "error": "\(error)"]
      )
      self.closeNow(context: context)
    }
  }

  func channelRead(context: ChannelHandlerContext, data: NIOAny) {
    let frame = self.unwrapInboundIn(data)
    self.keepalive.received(at: .now())
    switch self.machine.received(frame) {
    case .none:
      break
    case .settingsApplied:
      self.startKeepalive(context: context)
    case .pong(let data):
      self.outbox?.append { $0.writeFrame(Frame(streamID: 0, payload: .ping(data: data, ack: true))) }
    case .peerGoingAway:
      self.beginDraining(context: context)
    case .connectionError(let code, let message):
      self.connectionError(code, message, context: context)
    case .refuseStream(let id, let error):
      self.outbox?.append { $0.writeFrame(Frame(streamID: id, payload: .status(StatusTrailer(error)))) }
    case .openStream(let id, let header):
      self.openStream(id, header, context: context)
    case .deliver(let id, let payload):
      self.deliver(payload, to: id, context: context)
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

  // MARK: Streams

  private func openStream(_ id: UInt32, _ header: CallHeader, context: ChannelHandlerContext) {
    guard let outbox = self.outbox else { return }
    guard let route = self.router.route(for: header.method) else {
      self.machine.streamClosed(id)
      let error = self.unimplementedError(for: header.method)
      outbox.append { $0.writeFrame(Frame(streamID: id, payload: .status(StatusTrailer(error)))) }
      return
    }
    self.idleTimer?.cancel()
    self.idleTimer = nil
    let stream = CallStream(
      id: id,
      outbox: outbox,
      sendWindowBytes: self.machine.peerSettings.initialWindowBytes,
      receiveWindowBytes: self.machine.localSettings.initialWindowBytes,
      peerMaxFrameBytes: self.machine.peerSettings.maxFrameBytes
    )
    var deadline: ContinuousClock.Instant?
    if header.timeoutMicroseconds > 0 {
      let timeout = Duration.microseconds(Int64(clamping: header.timeoutMicroseconds))
      deadline = ContinuousClock.now.advanced(by: timeout)
    }
    let record = ServerStreamRecord(header: header, route: route, stream: stream, deadline: deadline)
    self.streams[id] = record
    if header.timeoutMicroseconds > 0 {
      let delay = TimeAmount.microseconds(Int64(clamping: header.timeoutMicroseconds))
      record.deadlineTimer = context.eventLoop.assumeIsolated().scheduleTask(in: delay) { [weak self] in
        self?.deadlineExpired(id)
      }
    }
    switch route.descriptor.kind {
    case .clientStreaming, .bidirectionalStreaming:
      self.startCall(record)
    case .unary, .serverStreaming:
      break  // starts when the request is complete
    }
  }

  private func unimplementedError(for method: String) -> RPCError {
    let service = method.split(separator: "/", maxSplits: 1).first.map(String.init) ?? method
    if self.router.hasService(service) {
      return RPCError(code: .unimplemented, message: "method \(method) is not implemented by this server")
    }
    return RPCError(code: .unimplemented, message: "service \(service) is not implemented by this server")
  }

  private func deliver(_ payload: Frame.Payload, to id: UInt32, context: ChannelHandlerContext) {
    guard let record = self.streams[id] else { return }
    if case .message = payload, record.halfClosed {
      return self.connectionError(.protocolError, "MESSAGE on stream \(id) after HALF_CLOSE", context: context)
    }
    // A stream that has ended for the server (refused, past its deadline, answered) takes no more frames.
    guard !record.stream.isClosed else { return }
    switch payload {
    case .message(let bytes, let more):
      self.receiveMessage(bytes, more: more, record: record, context: context)
    case .halfClose:
      self.halfClose(record, context: context)
    case .cancel(let code):
      let error = RPCError(
        code: code == .deadlineExceeded ? .deadlineExceeded : .cancelled, message: "cancelled by the client")
      record.stream.close(with: error)
      record.call?.cancel()
      self.forget(id)
    case .windowUpdate(let increment):
      if !record.stream.windowUpdated(by: increment) {
        self.connectionError(.flowControlError, "WINDOW_UPDATE on stream \(id) overflows the window", context: context)
      }
    case .settings, .call, .status, .ping, .goAway, .headers, .streamError:
      break  // the state machine sends only stream frames here
    }
  }

  private func receiveMessage(
    _ bytes: ByteBuffer, more: Bool, record: ServerStreamRecord, context: ChannelHandlerContext
  ) {
    let id = record.stream.id
    guard !record.halfClosed else {
      return self.connectionError(.protocolError, "MESSAGE on stream \(id) after HALF_CLOSE", context: context)
    }
    guard record.stream.receiveWindowConsumed(bytes.readableBytes) else {
      return self.connectionError(
        .flowControlError,
        "MESSAGE of \(bytes.readableBytes) bytes on stream \(id) exceeds its window",
        context: context
      )
    }
    let message: ByteBuffer
    let creditOnConsume: Int
    let maxMessageBytes = self.machine.localSettings.maxMessageBytes
    switch record.assembler.receive(
      bytes,
      more: more,
      maxMessageBytes: maxMessageBytes,
      stream: record.stream,
      allocator: context.channel.allocator
    ) {
    case .incomplete:
      return
    case .tooLarge:
      return self.refuse(
        record,
        RPCError(code: .resourceExhausted, message: "a request message exceeds the limit of \(maxMessageBytes) bytes")
      )
    case .complete(let bytes, let credit):
      message = bytes
      creditOnConsume = credit
    }

    switch record.route.descriptor.kind {
    case .unary, .serverStreaming:
      guard record.request == nil else {
        return self.refuse(
          record,
          RPCError(code: .invalidArgument, message: "\(record.header.method) takes exactly one request message")
        )
      }
      record.request = message
    case .clientStreaming, .bidirectionalStreaming:
      if record.stream.receive(message, creditOnConsume: creditOnConsume) {
        self.awaitingDelivery.append(record.stream)
      }
    }
  }

  private func halfClose(_ record: ServerStreamRecord, context: ChannelHandlerContext) {
    guard !record.halfClosed else {
      return self.connectionError(.protocolError, "a second HALF_CLOSE on stream \(record.stream.id)", context: context)
    }
    record.halfClosed = true
    if record.assembler.isInsideMessage {
      return self.refuse(record, RPCError(code: .invalidArgument, message: "the stream ended inside a message"))
    }
    switch record.route.descriptor.kind {
    case .unary, .serverStreaming:
      guard record.request != nil else {
        return self.refuse(
          record,
          RPCError(code: .invalidArgument, message: "\(record.header.method) takes exactly one request message")
        )
      }
      self.startCall(record)
    case .clientStreaming, .bidirectionalStreaming:
      record.stream.finishReceiving(nil)
    }
  }

  private func startCall(_ record: ServerStreamRecord) {
    guard let outbox = self.outbox else { return }
    let limits = DecodingLimits(maxMessageBytes: self.machine.localSettings.maxMessageBytes)
    let call = ServerCall(
      stream: record.stream,
      outbox: outbox,
      singleRequest: record.request,
      limits: limits,
      logger: self.configuration.logger
    )
    record.request = nil
    record.call = call
    let context = ServerContext(
      descriptor: record.route.descriptor,
      requestMetadata: record.header.metadata,
      deadline: record.deadline,
      peer: self.peer,
      response: call.response
    )
    let runner = self.runner
    let route = record.route
    call.start { await runner.run(call, route: route, context: context) }
  }

  /// Ends a stream with `error` before or instead of its handler.
  private func refuse(_ record: ServerStreamRecord, _ error: RPCError) {
    if let call = record.call {
      call.cancel()
      call.end(with: StatusTrailer(error))
    } else if record.stream.close(with: error) {
      let id = record.stream.id
      self.outbox?.append(finishing: id) { $0.writeFrame(Frame(streamID: id, payload: .status(StatusTrailer(error)))) }
      // No handler will run: later frames of this stream (a HALF_CLOSE in the same read) must find nothing.
      self.forget(id)
    }
  }

  private func deadlineExpired(_ id: UInt32) {
    guard let record = self.streams[id] else { return }
    record.deadlineTimer = nil
    self.refuse(record, RPCError(code: .deadlineExceeded, message: "the deadline expired"))
  }

  /// Forgets a stream whose last frame has been written or which the client cancelled.
  private func forget(_ id: UInt32) {
    guard let record = self.streams.removeValue(forKey: id) else { return }
    record.deadlineTimer?.cancel()
    self.machine.streamClosed(id)
    if self.streams.isEmpty, let context = self.context {
      self.armIdleTimer(context: context)
    }
  }

  // MARK: Writing

  /// Writes and flushes everything in the outbox; then forgets streams that have ended and closes a drained
  /// connection.
  func drainOutbox() {
    guard let context = self.context, let outbox = self.outbox else { return }
    for id in outbox.flush(to: context) { self.forget(id) }
    if self.machine.isDrained, !self.isClosing {
      self.isClosing = true
      context.close(promise: nil)
    }
  }

  // MARK: Closing

  private func beginDraining(context: ChannelHandlerContext) {
    guard let lastStreamID = self.machine.beginDraining() else { return }
    let goAway = GoAway(lastStreamID: lastStreamID, code: .noError, message: "the server is shutting down")
    self.outbox?.append { $0.writeFrame(Frame(streamID: 0, payload: .goAway(goAway))) }
    self.drainOutbox()
  }

  private func connectionError(_ code: GoAwayCode, _ message: String, context: ChannelHandlerContext) {
    self.configuration.logger.debug(
      "closing a connection after a protocol error",
      metadata: ["peer": "\(self.peer.remoteAddress)", "code": "\(code)", "reason": "\(message)"]
    )
    self.machine.close()
    let goAway = GoAway(lastStreamID: self.machine.highestStreamID, code: code, message: message)
    self.outbox?.append { $0.writeFrame(Frame(streamID: 0, payload: .goAway(goAway))) }
    self.drainOutbox()
    self.closeNow(context: context)
  }

  private func closeNow(context: ChannelHandlerContext) {
    guard !self.isClosing else { return }
    self.isClosing = true
    let error = RPCError(code: .unavailable, message: "the server closed the connection")
    for record in self.streams.values {
      record.call?.cancel()
      if let call = record.call {
        call.end(with: StatusTrailer(error))
      } else {
        record.stream.close(with: error)
      }
    }
    self.drainOutbox()
    context.close(promise: nil)
  }

  // MARK: Timers

  /// Starts pinging once the client's settings arrived: the TLS handshake has its own timeout.
  private func startKeepalive(context: ChannelHandlerContext) {
    guard self.keepaliveTask == nil else { return }
    let loopBound = NIOLoopBound(self, eventLoop: context.eventLoop)
    self.keepaliveTask = context.eventLoop.scheduleRepeatedTask(
      initialDelay: self.keepalive.tickInterval,
      delay: self.keepalive.tickInterval
    ) { _ in
      loopBound.value.keepaliveTick()
    }
  }

  private func keepaliveTick() {
    guard let context = self.context else { return }
    switch self.keepalive.tick(at: .now()) {
    case .none:
      break
    case .sendPing:
      self.outbox?.append { $0.writeFrame(Frame(streamID: 0, payload: .ping(data: 0x736F_756B, ack: false))) }
      self.drainOutbox()
    case .close:
      self.configuration.logger.info(
        "closing a connection whose peer stopped answering",
        metadata: ["peer": "\(self.peer.remoteAddress)"]
      )
      self.closeNow(context: context)
    }
  }

  private func armIdleTimer(context: ChannelHandlerContext) {
    self.idleTimer?.cancel()
    self.idleTimer = context.eventLoop.assumeIsolated().scheduleTask(in: self.configuration.idleTimeout) {
      [weak self] in
      guard let self, self.streams.isEmpty, let context = self.context else { return }
      let goAway = GoAway(lastStreamID: self.machine.highestStreamID, code: .noError, message: "idle")
      self.machine.close()
      self.outbox?.append { $0.writeFrame(Frame(streamID: 0, payload: .goAway(goAway))) }
      self.drainOutbox()
      self.closeNow(context: context)
    }
  }

  private func stopTimers() {
    self.keepaliveTask?.cancel()
    self.keepaliveTask = nil
    self.idleTimer?.cancel()
    self.idleTimer = nil
  }
}

/// What the server tracks for one open stream, on the connection's event loop.
final class ServerStreamRecord {
  let header: CallHeader
  let route: RPCRouter.Route
  let stream: CallStream
  let deadline: ContinuousClock.Instant?
  var deadlineTimer: Scheduled<Void>?
  /// Joins the request's MESSAGE frames.
  var assembler = MessageAssembler()
  /// The request of a unary or server-streaming call, until its handler starts.
  var request: ByteBuffer?
  var halfClosed = false
  /// The running handler, once started.
  var call: ServerCall?

  init(header: CallHeader, route: RPCRouter.Route, stream: CallStream, deadline: ContinuousClock.Instant?) {
    self.header = header
    self.route = route
    self.stream = stream
    self.deadline = deadline
  }
}
