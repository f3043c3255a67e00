import NIOCore
import NIOPosix
import NIOTLS
import SoukTLS
import Synchronization

/// What happened on one server-side connection, as the application saw it.
enum ServerEvent: Sendable {
  case handshakeCompleted(connection: Int, info: TLSConnectionInfo)
  case error(connection: Int, TLSError)
  case closed(connection: Int, bytesReceived: Int)
}

/// A TLS echo server on 127.0.0.1 with an ephemeral port, reporting every connection's events.
final class TLSTestServer: Sendable {
  let channel: any Channel
  let events: AsyncStream<ServerEvent>
  var port: Int { channel.localAddress?.port ?? 0 }

  /// Starts a server; `allowHalfClosure` sets the children's `allowRemoteHalfClosure`.
  init(context: TLSContext, allowHalfClosure: Bool = false) async throws {
    let (events, continuation) = AsyncStream.makeStream(of: ServerEvent.self)
    self.events = events
    let counter = Atomic<Int>(0)
    channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
      .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
      .childChannelOption(.allowRemoteHalfClosure, value: allowHalfClosure)
      .childChannelInitializer { child in
        child.eventLoop.makeCompletedFuture {
          let id = counter.wrappingAdd(1, ordering: .relaxed).newValue
          let handler = try TLSHandler(context: context)
          try child.pipeline.syncOperations.addHandlers([
            handler, EchoHandler(connection: id, tlsHandler: handler, events: continuation),
          ])
        }
      }
      .bind(host: "127.0.0.1", port: 0)
      .get()
  }

  /// The next event matching `predicate` (events before it are dropped).
  func next(where predicate: (ServerEvent) -> Bool) async -> ServerEvent? {
    for await event in events where predicate(event) { return event }
    return nil
  }

  func close() async throws {
    try await channel.close()
  }
}

/// Echoes plaintext back and reports the connection's life to a test.
final class EchoHandler: ChannelInboundHandler {
  typealias InboundIn = ByteBuffer
  typealias OutboundOut = ByteBuffer

  private let connection: Int
  private let tlsHandler: TLSHandler
  private let events: AsyncStream<ServerEvent>.Continuation
  private var bytesReceived = 0

  init(connection: Int, tlsHandler: TLSHandler, events: AsyncStream<ServerEvent>.Continuation) {
    self.connection = connection
    self.tlsHandler = tlsHandler
    self.events = events
  }

  func channelRead(context: ChannelHandlerContext, data: NIOAny) {
    let buffer = unwrapInboundIn(data)
    bytesReceived += buffer.readableBytes
    context.write(wrapOutboundOut(buffer), promise: nil)
  }

  func channelReadComplete(context: ChannelHandlerContext) {
    context.flush()
  }

  func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
    if case .handshakeCompleted = event as? TLSUserEvent, let info = tlsHandler.connectionInfo {
      events.yield(.handshakeCompleted(connection: connection, info: info))
    }
    if let event = event as? ChannelEvent, event == .inputClosed {
      // The client closed its side with close_notify: finish ours.
      context.close(mode: .output, promise: nil)
    }
  }

  func errorCaught(context: ChannelHandlerContext, error: any Error) {
    if let error = error as? TLSError {
      events.yield(.error(connection: connection, error))
    }
  }

  func channelInactive(context: ChannelHandlerContext) {
    events.yield(.closed(connection: connection, bytesReceived: bytesReceived))
  }
}
