public import NIOCore
import NIOTLS

/// Encrypts and decrypts one connection with OpenSSL: add it first in the channel initializer.
///
/// Inbound and outbound it carries `ByteBuffer`s: ciphertext toward the network, plaintext toward the
/// application. Writes made before the handshake completes wait and are sent after it. When the
/// handshake completes the handler fires NIOTLS's `TLSUserEvent.handshakeCompleted(negotiatedProtocol:)`
/// and makes ``connectionInfo`` available (ALPN protocol, version, the verified peer identity).
///
/// Failures reach `errorCaught` as ``TLSError`` and close the channel. Closing the channel sends
/// close_notify and waits (up to ``shutdownTimeout``) for the peer's; closing the output sends
/// close_notify and half-closes the socket. A close_notify from the peer is answered and closes the
/// channel, or, when the channel allows remote half-closure, is reported as `ChannelEvent.inputClosed`.
/// A handler serves one connection and stays on its event loop.
public final class TLSHandler: ChannelDuplexHandler {
  public typealias InboundIn = ByteBuffer
  public typealias InboundOut = ByteBuffer
  public typealias OutboundIn = ByteBuffer
  public typealias OutboundOut = ByteBuffer

  /// How long a close waits for the peer's close_notify.
  public static let shutdownTimeout = TimeAmount.seconds(5)

  /// What the handshake negotiated; nil until it completes.
  public private(set) var connectionInfo: TLSConnectionInfo?

  private let connection: SSLConnection
  private let serverName: String?
  private let handshakeTimeout: TimeAmount
  private var stateMachine = TLSConnectionStateMachine()
  private var bufferedWrites = CircularBuffer<(data: ByteBuffer, promise: EventLoopPromise<Void>?)>()
  private var flushRequested = false
  private var handshakeTimer: Scheduled<Void>?
  private var shutdownTimer: Scheduled<Void>?
  private var closePromise: EventLoopPromise<Void>?

  /// Creates the handler for one connection.
  ///
  /// - Parameters:
  ///   - context: the shared context; its role decides whether this end accepts or connects.
  ///   - serverName: for a client, the host name or IP address to verify and send as SNI; defaults to
  ///     the configuration's `serverName`. Ignored by servers.
  /// - Throws: ``TLSError`` `.invalidConfiguration` when a verifying client has no server name.
  public init(context: TLSContext, serverName: String? = nil) throws(TLSError) {
    let name = serverName ?? context.configuration.serverName
    self.connection = try SSLConnection(context: context, serverName: name)
    self.serverName = name
    self.handshakeTimeout = context.configuration.handshakeTimeout
  }

  public func handlerAdded(context: ChannelHandlerContext) {
    if context.channel.isActive {
      perform(stateMachine.channelActive(), context: context)
    }
  }

  public func handlerRemoved(context: ChannelHandlerContext) {
    cancelTimers()
    failBufferedWrites(TLSError(code: .outputClosed, message: "the TLS handler was removed"))
  }

  public func channelActive(context: ChannelHandlerContext) {
    context.fireChannelActive()
    perform(stateMachine.channelActive(), context: context)
  }

  public func channelInactive(context: ChannelHandlerContext) {
    cancelTimers()
    let error = stateMachine.channelInactive()
    failBufferedWrites(error ?? TLSError(code: .outputClosed, message: "the connection closed"))
    if let error {
      context.fireErrorCaught(error)
    }
    closePromise?.succeed()
    closePromise = nil
    context.fireChannelInactive()
  }

  public func channelRead(context: ChannelHandlerContext, data: NIOAny) {
    connection.receive(unwrapInboundIn(data))
    perform(stateMachine.bytesReceived(), context: context)
  }

  public func channelReadComplete(context: ChannelHandlerContext) {
    context.fireChannelReadComplete()
  }

  public func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
    if let event = event as? ChannelEvent, event == .inputClosed {
      perform(stateMachine.inputEnded(), context: context)
      return
    }
    context.fireUserInboundEventTriggered(event)
  }

  public func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
    let buffer = unwrapOutboundIn(data)
    switch stateMachine.write() {
    case .buffer:
      bufferedWrites.append((buffer, promise))
    case .encrypt:
      encryptAndWrite(buffer, promise: promise, context: context)
    case .fail(let error):
      promise?.fail(error)
    }
  }

  public func flush(context: ChannelHandlerContext) {
    switch stateMachine.state {
    case .idle, .handshaking:
      flushRequested = true
    case .active, .inputClosed, .outputClosed, .closing, .closed:
      context.flush()
    }
  }

  public func close(context: ChannelHandlerContext, mode: CloseMode, promise: EventLoopPromise<Void>?) {
    let request: TLSConnectionStateMachine.CloseRequest
    switch mode {
    case .all: request = .all
    case .output: request = .output
    case .input: request = .input
    }
    let action = stateMachine.closeRequested(request)
    switch action {
    case .forwardClose:
      context.close(mode: mode, promise: promise)
    case .sendCloseNotify(then: .waitForPeer), .waitForPeer:
      if let closePromise {
        closePromise.futureResult.cascade(to: promise)
      } else {
        closePromise = promise
      }
      perform(action, context: context)
    case .sendCloseNotify(then: _), .closeChannel:
      perform(action, context: context, promise: promise)
    default:
      perform(action, context: context)
      promise?.succeed()
    }
  }

  // MARK: - Performing actions

  private func perform(
    _ action: TLSConnectionStateMachine.Action,
    context: ChannelHandlerContext,
    promise: EventLoopPromise<Void>? = nil
  ) {
    switch action {
    case .none, .forwardClose:
      break
    case .startHandshake:
      startHandshake(context: context)
    case .runHandshake:
      runHandshake(context: context)
    case .flushHandshakeOutput:
      writeNetworkOutput(context: context, flush: true)
    case .completeHandshake:
      completeHandshake(context: context)
    case .readPlaintext:
      readPlaintext(context: context)
    case .fail(let error):
      fail(error, context: context)
    case .fireInputClosed:
      writeNetworkOutput(context: context, flush: true)
      context.fireUserInboundEventTriggered(ChannelEvent.inputClosed)
    case .sendCloseNotify(let then):
      connection.shutdown()
      writeNetworkOutput(context: context, flush: true)
      switch then {
      case .closeChannel:
        cancelTimers()
        context.close(promise: promise)
      case .closeOutput:
        context.close(mode: .output, promise: promise)
      case .waitForPeer:
        armShutdownTimer(context: context)
      }
    case .waitForPeer:
      armShutdownTimer(context: context)
    case .closeChannel:
      cancelTimers()
      let pending = closePromise
      closePromise = nil
      if let promise { pending?.futureResult.cascade(to: promise) }
      context.close(promise: pending ?? promise)
    }
  }

  private func startHandshake(context: ChannelHandlerContext) {
    if connection.context.configuration.role == .client {
      let address = context.channel.remoteAddress.map { "\($0)" } ?? ""
      connection.enableResumption(key: "\(serverName ?? "")|\(address)")
    }
    let timeout = handshakeTimeout
    handshakeTimer = context.eventLoop.assumeIsolated().scheduleTask(in: timeout) { [weak self] in
      guard let self else { return }
      self.perform(self.stateMachine.handshakeTimedOut(after: Self.describe(timeout)), context: context)
    }
    runHandshake(context: context)
  }

  private func runHandshake(context: ChannelHandlerContext) {
    let outcome: TLSConnectionStateMachine.HandshakeOutcome
    switch connection.handshake() {
    case .complete: outcome = .complete
    case .incomplete: outcome = .incomplete
    case .failed(let error): outcome = .failed(error)
    }
    perform(stateMachine.handshakeStepped(outcome), context: context)
  }

  private func completeHandshake(context: ChannelHandlerContext) {
    handshakeTimer?.cancel()
    handshakeTimer = nil
    let info = connection.connectionInfo()
    connectionInfo = info
    writeNetworkOutput(context: context, flush: true)

    // Writes made during the handshake go first, before anything the application writes on the event.
    while let (data, promise) = bufferedWrites.popFirst() {
      guard stateMachine.state == .active || stateMachine.state == .inputClosed else {
        promise?.fail(TLSError(code: .outputClosed, message: "the connection closed before the write was sent"))
        continue
      }
      encryptAndWrite(data, promise: promise, context: context)
    }
    if flushRequested {
      flushRequested = false
      context.flush()
    }
    context.fireUserInboundEventTriggered(TLSUserEvent.handshakeCompleted(negotiatedProtocol: info.applicationProtocol))
    // Application data may have arrived in the same read as the end of the handshake.
    readPlaintext(context: context)
  }

  private func readPlaintext(context: ChannelHandlerContext) {
    var plaintext = context.channel.allocator.buffer(capacity: 0)
    let outcome: TLSConnectionStateMachine.ReadOutcome
    switch connection.read(into: &plaintext) {
    case .wantRead: outcome = .wantRead
    case .closeNotify: outcome = .closeNotify
    case .failed(let error): outcome = .failed(error)
    }
    if plaintext.readableBytes > 0 {
      context.fireChannelRead(wrapInboundOut(plaintext))
    }
    // Reading may have produced output: a key update, an alert.
    writeNetworkOutput(context: context, flush: true)
    let allowHalfClosure =
      (try? context.channel.syncOptions?.getOption(ChannelOptions.allowRemoteHalfClosure)) ?? false
    perform(stateMachine.readFinished(outcome, allowHalfClosure: allowHalfClosure), context: context)
  }

  private func encryptAndWrite(_ data: ByteBuffer, promise: EventLoopPromise<Void>?, context: ChannelHandlerContext) {
    if let error = connection.write(data) {
      promise?.fail(error)
      perform(stateMachine.writeFailed(error), context: context)
      return
    }
    if let output = connection.pendingOutput(allocator: context.channel.allocator) {
      context.write(wrapOutboundOut(output), promise: promise)
    } else {
      promise?.succeed()
    }
  }

  private func writeNetworkOutput(context: ChannelHandlerContext, flush: Bool) {
    guard let output = connection.pendingOutput(allocator: context.channel.allocator) else { return }
    context.write(wrapOutboundOut(output), promise: nil)
    if flush { context.flush() }
  }

  private func fail(_ error: TLSError, context: ChannelHandlerContext) {
    cancelTimers()
    // Send the alert OpenSSL queued, so the peer learns why.
    writeNetworkOutput(context: context, flush: true)
    failBufferedWrites(error)
    context.fireErrorCaught(error)
    let pending = closePromise
    closePromise = nil
    context.close(promise: pending)
  }

  private func failBufferedWrites(_ error: TLSError) {
    while let (_, promise) = bufferedWrites.popFirst() {
      promise?.fail(error)
    }
  }

  private func armShutdownTimer(context: ChannelHandlerContext) {
    shutdownTimer?.cancel()
    shutdownTimer = context.eventLoop.assumeIsolated().scheduleTask(in: Self.shutdownTimeout) { [weak self] in
      guard let self else { return }
      self.perform(self.stateMachine.shutdownTimedOut(), context: context)
    }
  }

  private func cancelTimers() {
    handshakeTimer?.cancel()
    handshakeTimer = nil
    shutdownTimer?.cancel()
    shutdownTimer = nil
  }

  private static func describe(_ amount: TimeAmount) -> String {
    let milliseconds = amount.nanoseconds / 1_000_000
    return milliseconds % 1000 == 0 ? "\(milliseconds / 1000) s" : "\(milliseconds) ms"
  }
}

@available(*, unavailable)
extension TLSHandler: Sendable {}
