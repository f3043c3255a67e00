import NIOCore
import NIOPosix
import Synchronization

/// A TCP proxy on 127.0.0.1 in front of a server that, once armed, cuts the connection when the server's answer
/// arrives: the request has reached the server (which has handled and committed it), and the response is
/// thrown away with the connection, as when a network fails at the worst moment. It cuts once, then forwards
/// everything again.
final class CuttingProxy: Sendable {
  private let listener: any Channel
  private let switchboard: Switchboard

  /// The port clients connect to.
  var port: Int { self.listener.localAddress?.port ?? 0 }

  /// How many connections it has cut.
  var cuts: Int { self.switchboard.cuts.load(ordering: .relaxed) }

  private init(listener: any Channel, switchboard: Switchboard) {
    self.listener = listener
    self.switchboard = switchboard
  }

  /// Starts a proxy in front of `127.0.0.1:targetPort`.
  static func start(targetPort: Int) async throws -> CuttingProxy {
    let switchboard = Switchboard()
    let listener = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
      .childChannelOption(.autoRead, value: false)
      .childChannelInitializer { inbound in
        ClientBootstrap(group: inbound.eventLoop)
          .connect(host: "127.0.0.1", port: targetPort)
          .flatMapThrowing { outbound in
            // Both channels run on the inbound channel's event loop.
            try inbound.pipeline.syncOperations.addHandler(Forwarder(peer: outbound, switchboard: nil))
            try outbound.pipeline.syncOperations.addHandler(Forwarder(peer: inbound, switchboard: switchboard))
            inbound.read()
          }
      }
      .bind(host: "127.0.0.1", port: 0)
      .get()
    return CuttingProxy(listener: listener, switchboard: switchboard)
  }

  /// Cuts the connection that next carries a server answer of at least `minimumBytes` (a response, not a
  /// window update or a ping).
  func cutNextResponse(minimumBytes: Int = 100) {
    self.switchboard.minimumBytes.store(minimumBytes, ordering: .relaxed)
    self.switchboard.armed.store(true, ordering: .relaxed)
  }

  func close() async {
    try? await self.listener.close()
  }

  private final class Switchboard: Sendable {
    let armed = Atomic<Bool>(false)
    let minimumBytes = Atomic<Int>(0)
    let cuts = Atomic<Int>(0)
  }

  private final class Forwarder: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    let peer: any Channel
    /// Set on the server-to-client side only.
    let switchboard: Switchboard?

    init(peer: any Channel, switchboard: Switchboard?) {
      self.peer = peer
      self.switchboard = switchboard
    }

    func channelActive(context: ChannelHandlerContext) {
      context.read()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
      let bytes = self.unwrapInboundIn(data)
      if let switchboard, bytes.readableBytes >= switchboard.minimumBytes.load(ordering: .relaxed),
        switchboard.armed.compareExchange(expected: true, desired: false, ordering: .relaxed).exchanged
      {
        switchboard.cuts.add(1, ordering: .relaxed)
        context.close(promise: nil)
        self.peer.close(promise: nil)
        return
      }
      self.peer.writeAndFlush(bytes, promise: nil)
    }

    func channelReadComplete(context: ChannelHandlerContext) {
      context.read()
    }

    func channelInactive(context: ChannelHandlerContext) {
      self.peer.close(promise: nil)
    }
  }
}
