import NIOCore
import NIOPosix

/// A plain TCP connection for feeding a TLS server bytes that are not (or not quite) TLS.
final class RawTCPConnection: Sendable {
  let channel: any Channel

  init(port: Int) async throws {
    channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
      .connect(host: "127.0.0.1", port: port)
      .get()
  }

  func send(_ bytes: [UInt8]) async throws {
    try await channel.writeAndFlush(ByteBuffer(bytes: bytes))
  }

  /// Closes our sending side (TCP FIN) and keeps reading.
  func closeOutput() async throws {
    try await channel.close(mode: .output)
  }

  /// Waits until the server closed the connection.
  func waitForClose() async throws {
    try await channel.closeFuture.get()
  }
}
