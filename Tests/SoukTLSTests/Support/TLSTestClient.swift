import NIOCore
import NIOPosix
import NIOTLS
import SoukTLS
import SoukTestSupport
import Synchronization

/// A NIO TLS client connection for tests: collects what it receives and how it ended.
final class TLSTestClient: Sendable {
  let channel: any Channel
  private let collector: NIOLoopBound<ClientCollector>

  /// Connects to 127.0.0.1:`port` with `context`, verifying `serverName`.
  init(port: Int, context: TLSContext, serverName: String? = "localhost") async throws {
    let box = Mutex<NIOLoopBound<ClientCollector>?>(nil)
    let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
      .channelInitializer { channel in
        channel.eventLoop.makeCompletedFuture {
          let handler = try TLSHandler(context: context, serverName: serverName)
          let collector = ClientCollector(tlsHandler: handler)
          try channel.pipeline.syncOperations.addHandlers([handler, collector])
          box.withLock { $0 = NIOLoopBound(collector, eventLoop: channel.eventLoop) }
        }
      }
      .connect(host: "127.0.0.1", port: port)
      .get()
    self.channel = channel
    guard let collector = box.withLock({ $0 }) else { throw ChannelError.inappropriateOperationForState }
    self.collector = collector
  }

  /// Waits for the handshake; throws the TLS error if it failed.
  func handshake() async throws -> TLSConnectionInfo {
    try await withTimeout(.seconds(30), "the handshake") {
      try await self.channel.eventLoop.flatSubmit { self.collector.value.handshake.futureResult }.get()
    }
  }

  /// Sends `bytes` and flushes.
  func send(_ bytes: [UInt8]) async throws {
    try await channel.writeAndFlush(ByteBuffer(bytes: bytes))
  }

  /// Waits until `count` plaintext bytes arrived, and returns them.
  func receive(count: Int) async throws -> [UInt8] {
    try await withTimeout(.seconds(60), "receiving \(count) bytes") {
      try await self.channel.eventLoop.flatSubmit { self.collector.value.waitFor(count: count) }.get()
    }
  }

  /// Waits until the connection closed; returns the TLS errors it reported.
  func closed() async throws -> [TLSError] {
    try await withTimeout(.seconds(30), "the connection closing") {
      try await self.channel.closeFuture.get()
      return try await self.channel.eventLoop.submit { self.collector.value.errors }.get()
    }
  }
}

/// Collects a client connection's plaintext and errors on its event loop.
final class ClientCollector: ChannelInboundHandler {
  typealias InboundIn = ByteBuffer

  private let tlsHandler: TLSHandler
  private(set) var errors: [TLSError] = []
  private var received: [UInt8] = []
  private var waiter: (count: Int, promise: EventLoopPromise<[UInt8]>)?
  /// Why the connection can deliver nothing more, once it cannot.
  private var failure: (any Error)?
  private(set) var handshake: EventLoopPromise<TLSConnectionInfo>!

  init(tlsHandler: TLSHandler) {
    self.tlsHandler = tlsHandler
  }

  func handlerAdded(context: ChannelHandlerContext) {
    handshake = context.eventLoop.makePromise()
  }

  func channelRead(context: ChannelHandlerContext, data: NIOAny) {
    received.append(contentsOf: unwrapInboundIn(data).readableBytesView)
    checkWaiter()
  }

  func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
    if case .handshakeCompleted = event as? TLSUserEvent, let info = tlsHandler.connectionInfo {
      handshake.succeed(info)
    }
  }

  func errorCaught(context: ChannelHandlerContext, error: any Error) {
    if let error = error as? TLSError { errors.append(error) }
    failure = failure ?? error
    handshake.fail(error)
    waiter?.promise.fail(error)
    waiter = nil
  }

  func channelInactive(context: ChannelHandlerContext) {
    let error = errors.first ?? TLSError(code: .connectionClosedDuringHandshake, message: "closed")
    failure = failure ?? error
    handshake.fail(error)
    waiter?.promise.fail(error)
    waiter = nil
  }

  func waitFor(count: Int) -> EventLoopFuture<[UInt8]> {
    let promise = handshake.futureResult.eventLoop.makePromise(of: [UInt8].self)
    waiter = (count, promise)
    checkWaiter()
    return promise.futureResult
  }

  private func checkWaiter() {
    guard let waiter else { return }
    guard received.count >= waiter.count else {
      if let failure {
        self.waiter = nil
        waiter.promise.fail(failure)
      }
      return
    }
    self.waiter = nil
    let result = Array(received.prefix(waiter.count))
    received.removeFirst(waiter.count)
    waiter.promise.succeed(result)
  }
}
