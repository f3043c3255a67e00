import NIOCore
import NIOPosix
import SoukTLS
import SoukTestSupport
import Synchronization

@testable import SoukRPC

/// A TLS (or plain TCP) connection to a test server that sends raw bytes and collects what comes back, for the
/// tests that break the protocol on purpose.
final class RawConnection: Sendable {
  private let channel: any Channel
  private let received: AsyncStream<ByteBuffer>

  private init(channel: any Channel, received: AsyncStream<ByteBuffer>) {
    self.channel = channel
    self.received = received
  }

  /// Connects to `port` on 127.0.0.1; with `tls`, completes a handshake offering `alpn` first.
  static func connect(
    port: Int,
    tls: Bool = true,
    alpn: [String] = [TLSConfiguration.soukApplicationProtocol]
  ) async throws -> RawConnection {
    let (stream, continuation) = AsyncStream.makeStream(of: ByteBuffer.self)
    let context =
      tls
      ? try TLSContext(
        configuration: .client(
          trustRoots: .pemFile(TestCertificates.shared.caCertificatePath),
          serverName: "127.0.0.1",
          applicationProtocols: alpn
        )
      ) : nil
    let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
      .channelInitializer { channel in
        channel.eventLoop.makeCompletedFuture {
          if let context {
            try channel.pipeline.syncOperations.addHandler(TLSHandler(context: context, serverName: "127.0.0.1"))
          }
          try channel.pipeline.syncOperations.addHandler(Collector(continuation: continuation))
        }
      }
      .connect(host: "127.0.0.1", port: port)
      .get()
    return RawConnection(channel: channel, received: stream)
  }

  /// Sends `bytes` as they are.
  func send(_ bytes: [UInt8]) async throws {
    try await self.channel.writeAndFlush(ByteBuffer(bytes: bytes))
  }

  /// Sends frames written by `write`.
  func send(_ write: (inout ByteBuffer) -> Void) async throws {
    var buffer = ByteBuffer()
    write(&buffer)
    try await self.channel.writeAndFlush(buffer)
  }

  /// Sends the client preface and SETTINGS with the defaults.
  func sendPreface() async throws {
    try await self.send { buffer in
      buffer.writePreface()
      buffer.writeFrame(Frame(streamID: 0, payload: .settings(ConnectionSettings.defaults.update)))
    }
  }

  /// Everything the server sends until it closes the connection (or `limit` passes), decoded as frames.
  func framesUntilClosed(limit: Duration = .seconds(10)) async throws -> [Frame] {
    let bytes = try await withTimeout(limit, "the server closing the connection") {
      var all = ByteBuffer()
      for await var chunk in self.received { all.writeBuffer(&chunk) }
      return all
    }
    return try Self.decode(bytes)
  }

  /// Frames the server sends until `predicate` accepts one (which is included), within `limit`.
  func frames(until predicate: @escaping @Sendable (Frame) -> Bool, limit: Duration = .seconds(10)) async throws
    -> [Frame]
  {
    try await withTimeout(limit, "the expected frame") {
      var all = ByteBuffer()
      var frames: [Frame] = []
      var decoder = FrameDecoder(
        expectsPreface: false, limits: .init(maxFrameBytes: 16_777_215, maxMetadataBytes: 1 << 20))
      for await var chunk in self.received {
        all.writeBuffer(&chunk)
        while let frame = try decoder.decode(buffer: &all) {
          frames.append(frame)
          if predicate(frame) { return frames }
        }
      }
      return frames
    }
  }

  /// Stops reading from the socket: the peer that never reads what it is sent.
  func stopReading() async throws {
    try await self.channel.setOption(ChannelOptions.autoRead, value: false).get()
  }

  /// Closes the connection.
  func close() async {
    try? await self.channel.close()
  }

  /// Whether the connection is still open.
  var isActive: Bool { self.channel.isActive }

  /// Waits until the connection has closed (within `limit`).
  func waitUntilClosed(limit: Duration = .seconds(10)) async throws {
    let channel = self.channel
    try await withTimeout(limit, "the connection closing") { try? await channel.closeFuture.get() }
  }

  private static func decode(_ bytes: ByteBuffer) throws -> [Frame] {
    var buffer = bytes
    var decoder = FrameDecoder(
      expectsPreface: false, limits: .init(maxFrameBytes: 16_777_215, maxMetadataBytes: 1 << 20))
    var frames: [Frame] = []
    while let frame = try decoder.decode(buffer: &buffer) { frames.append(frame) }
    return frames
  }

  private final class Collector: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    let continuation: AsyncStream<ByteBuffer>.Continuation

    init(continuation: AsyncStream<ByteBuffer>.Continuation) {
      self.continuation = continuation
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
      self.continuation.yield(self.unwrapInboundIn(data))
    }

    func channelInactive(context: ChannelHandlerContext) {
      self.continuation.finish()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
      self.continuation.finish()
      context.close(promise: nil)
    }
  }
}
