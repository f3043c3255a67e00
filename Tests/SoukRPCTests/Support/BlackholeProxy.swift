import NIOCore
import NIOPosix
import Synchronization

/// A TCP proxy on 127.0.0.1 that forwards bytes both ways until told to drop them: then it silently discards
/// everything, in both directions, without closing anything — what a mobile network that lost its signal does.
final class BlackholeProxy: Sendable {
  private let listener: any Channel
  private let dropping: Dropping

  /// The port clients connect to.
  var port: Int { self.listener.localAddress?.port ?? 0 }

  private init(listener: any Channel, dropping: Dropping) {
    self.listener = listener
    self.dropping = dropping
  }

  /// Starts a proxy in front of `127.0.0.1:targetPort`.
  static func start(targetPort: Int) async throws -> BlackholeProxy {
    let dropping = Dropping()
    let group = MultiThreadedEventLoopGroup.singleton
    let listener = try await ServerBootstrap(group: group)
      .childChannelOption(.autoRead, value: false)
      .childChannelInitializer { inbound in
        ClientBootstrap(group: inbound.eventLoop)
          .connect(host: "127.0.0.1", port: targetPort)
          .flatMapThrowing { outbound in
            // Both channels run on the inbound channel's event loop.
            try inbound.pipeline.syncOperations.addHandler(Forwarder(peer: outbound, dropping: dropping))
            try outbound.pipeline.syncOperations.addHandler(Forwarder(peer: inbound, dropping: dropping))
            inbound.read()
          }
      }
      .bind(host: "127.0.0.1", port: 0)
      .get()
    return BlackholeProxy(listener: listener, dropping: dropping)
  }

  /// From now on, drops every byte in both directions.
  func startDropping() {
    self.dropping.value.store(true, ordering: .relaxed)
  }

  /// Stops listening.
  func close() async {
    try? await self.listener.close()
  }

  final class Dropping: Sendable {
    let value = Atomic<Bool>(false)
  }

  private final class Forwarder: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    let peer: any Channel
    let dropping: Dropping

    init(peer: any Channel, dropping: Dropping) {
      self.peer = peer
      self.dropping = dropping
    }

    func channelActive(context: ChannelHandlerContext) {
      context.read()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
      guard !self.dropping.value.load(ordering: .relaxed) else { return }
      self.peer.writeAndFlush(self.unwrapInboundIn(data), promise: nil)
    }

    func channelReadComplete(context: ChannelHandlerContext) {
      context.read()
    }

    func channelInactive(context: ChannelHandlerContext) {
      guard !self.dropping.value.load(ordering: .relaxed) else { return }
      self.peer.close(promise: nil)
    }
  }
}
