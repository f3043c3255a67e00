import NIOCore
import NIOPosix
import SoukTLS

/// A SoukTLS server that counts and discards what it receives.
struct BenchmarkServer: Sendable {
  let channel: any Channel
  /// Completed with the byte count when a connection that received data closes.
  let received: AsyncStream<Int>

  var port: Int { channel.localAddress?.port ?? 0 }

  static func start(group: MultiThreadedEventLoopGroup, context: TLSContext) async throws -> BenchmarkServer {
    let (stream, continuation) = AsyncStream.makeStream(of: Int.self)
    let channel = try await ServerBootstrap(group: group)
      .serverChannelOption(.backlog, value: 256)
      .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
      .childChannelInitializer { child in
        child.eventLoop.makeCompletedFuture {
          try child.pipeline.syncOperations.addHandlers([
            TLSHandler(context: context), SinkHandler(report: continuation),
          ])
        }
      }
      .bind(host: "127.0.0.1", port: 0)
      .get()
    return BenchmarkServer(channel: channel, received: stream)
  }

  func close() async throws {
    try await channel.close()
  }
}

/// Discards plaintext, reporting how much arrived when the connection ends.
final class SinkHandler: ChannelInboundHandler {
  typealias InboundIn = ByteBuffer

  private let report: AsyncStream<Int>.Continuation
  private var bytes = 0

  init(report: AsyncStream<Int>.Continuation) {
    self.report = report
  }

  func channelRead(context: ChannelHandlerContext, data: NIOAny) {
    bytes += unwrapInboundIn(data).readableBytes
  }

  func channelInactive(context: ChannelHandlerContext) {
    if bytes > 0 { report.yield(bytes) }
  }

  func errorCaught(context: ChannelHandlerContext, error: any Error) {
    context.close(promise: nil)
  }
}
