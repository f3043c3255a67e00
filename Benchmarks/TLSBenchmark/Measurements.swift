import Foundation
import NIOCore
import NIOPosix
import NIOTLS
import SoukTLS

/// The four measurements: SoukTLS and the OpenSSL tools, throughput and handshakes.
enum Measurements {
  static let cipherSuite = "TLS_AES_128_GCM_SHA256"

  /// MiB/s from a SoukTLS client to the SoukTLS server, until the server has received everything.
  static func soukThroughput(
    server: BenchmarkServer,
    group: MultiThreadedEventLoopGroup,
    context: TLSContext,
    mebibytes: Int
  ) async throws -> Double {
    let loop = group.next()
    let handshake = loop.makePromise(of: Void.self)
    let channel = try await ClientBootstrap(group: loop)
      .channelInitializer { channel in
        channel.eventLoop.makeCompletedFuture {
          try channel.pipeline.syncOperations.addHandlers([
            TLSHandler(context: context), HandshakeWaiter(promise: handshake),
          ])
        }
      }
      .connect(host: "127.0.0.1", port: server.port)
      .get()
    try await handshake.futureResult.get()
    let start = ContinuousClock.now
    let sent = try await loop.flatSubmit {
      BulkWriter(channel: channel, totalBytes: mebibytes << 20).run()
    }.get()
    try await channel.close()
    var iterator = server.received.makeAsyncIterator()
    let received = await iterator.next() ?? 0
    let elapsed = ContinuousClock.now - start
    precondition(received == sent, "server received \(received) of \(sent) bytes")
    return Double(mebibytes) / elapsed.seconds
  }

  /// MiB/s from `openssl s_client` (reading a pipe) to `openssl s_server`, until the server exits.
  static func opensslThroughput(certificates: DevelopmentCertificates, mebibytes: Int) async throws -> Double {
    // s_server prints what it receives: only its ACCEPT line reaches us, the data goes to /dev/null.
    let server = try ToolProcess(
      "sh",
      [
        "-c",
        "openssl s_server -accept 127.0.0.1:0 -naccept 1 -cert \(certificates.certificateChainPath) "
          + "-key \(certificates.privateKeyPath) -ciphersuites \(cipherSuite) 2>&1 "
          + "| (grep -m1 ACCEPT; cat > /dev/null)",
      ],
      discardingOutputAfter: "ACCEPT"
    )
    let port = try server.acceptPort()
    let start = ContinuousClock.now
    let client = try ToolProcess(
      "sh",
      [
        "-c",
        "head -c \(mebibytes << 20) /dev/zero | openssl s_client -connect 127.0.0.1:\(port) -quiet -no_ign_eof "
          + "-ciphersuites \(cipherSuite) 2>/dev/null",
      ]
    )
    server.waitForExit()
    let elapsed = ContinuousClock.now - start
    client.waitForExit()
    return Double(mebibytes) / elapsed.seconds
  }

  /// New full handshakes per second, one connection at a time, SoukTLS client to SoukTLS server.
  ///
  /// The loop runs on the client's event loop, as s_time's loop runs in its own process.
  static func soukHandshakes(
    server: BenchmarkServer,
    group: MultiThreadedEventLoopGroup,
    context: TLSContext,
    seconds: Int
  ) async throws -> Double {
    let loop = group.next()
    let start = NIODeadline.now()
    let count = try await loop.flatSubmit {
      HandshakeLoop(loop: loop, port: server.port, context: context, deadline: start + .seconds(Int64(seconds))).run()
    }.get()
    let elapsed = Double((NIODeadline.now() - start).nanoseconds) / 1e9
    return Double(count) / elapsed
  }

  /// New handshakes per second of `openssl s_time -new` against `openssl s_server`.
  static func opensslHandshakes(certificates: DevelopmentCertificates, seconds: Int) async throws -> Double {
    let server = try ToolProcess(
      "openssl",
      [
        "s_server", "-accept", "127.0.0.1:0", "-cert", certificates.certificateChainPath, "-key",
        certificates.privateKeyPath,
      ],
      discardingOutputAfter: "ACCEPT"
    )
    defer { server.terminate() }
    let port = try server.acceptPort()
    let start = ContinuousClock.now
    let client = try ToolProcess(
      "openssl",
      // -verify with the CA: s_time checks the chain as the SoukTLS client does.
      [
        "s_time", "-connect", "127.0.0.1:\(port)", "-new", "-time", "\(seconds)", "-verify", "2", "-CAfile",
        certificates.caCertificatePath,
      ]
    )
    client.waitForExit()
    let elapsed = ContinuousClock.now - start
    // "1234 connections in 1.50s; 822.67 connections/user sec": the time there is s_time's CPU time, not the
    // wall-clock time, so only the count is used, over the wall-clock time measured here.
    let output = client.output
    guard let line = output.split(separator: "\n").first(where: { $0.contains("connections/user sec") }),
      let count = line.split(separator: " ").first.flatMap({ Double($0) })
    else {
      throw ToolProcess.Failure(description: "unexpected s_time output:\n\(output)")
    }
    return count / elapsed.seconds
  }
}

extension Duration {
  var seconds: Double {
    let (seconds, attoseconds) = components
    return Double(seconds) + Double(attoseconds) / 1e18
  }
}

/// Completes a promise when the handshake completes (or fails).
final class HandshakeWaiter: ChannelInboundHandler {
  typealias InboundIn = ByteBuffer

  private let promise: EventLoopPromise<Void>

  init(promise: EventLoopPromise<Void>) {
    self.promise = promise
  }

  func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
    if case .handshakeCompleted = event as? TLSUserEvent { promise.succeed() }
    context.fireUserInboundEventTriggered(event)
  }

  func errorCaught(context: ChannelHandlerContext, error: any Error) {
    promise.fail(error)
  }

  func channelInactive(context: ChannelHandlerContext) {
    promise.fail(ChannelError.eof)
  }
}

/// Writes `totalBytes` of plaintext in 256 KiB buffers, pausing while the channel is not writable.
final class BulkWriter {
  private let channel: any Channel
  private var remaining: Int
  private let totalBytes: Int
  private let chunk: ByteBuffer
  private var promise: EventLoopPromise<Int>?

  init(channel: any Channel, totalBytes: Int) {
    self.channel = channel
    self.remaining = totalBytes
    self.totalBytes = totalBytes
    self.chunk = ByteBuffer(repeating: 0x5A, count: 256 * 1024)
  }

  func run() -> EventLoopFuture<Int> {
    let promise = channel.eventLoop.makePromise(of: Int.self)
    self.promise = promise
    writeMore()
    return promise.futureResult
  }

  private func writeMore() {
    var lastWrite: EventLoopFuture<Void>?
    while remaining > 0 {
      let count = min(remaining, chunk.readableBytes)
      remaining -= count
      lastWrite = channel.writeAndFlush(chunk.getSlice(at: 0, length: count) ?? chunk)
      if !channel.isWritable { break }
    }
    guard let lastWrite else { return }
    lastWrite.assumeIsolated().whenComplete { _ in
      if self.remaining > 0 {
        self.writeMore()
      } else {
        self.promise?.succeed(self.totalBytes)
      }
    }
  }
}

/// Opens one connection after another until a deadline, counting completed handshakes.
final class HandshakeLoop {
  private let loop: any EventLoop
  private let port: Int
  private let context: TLSContext
  private let deadline: NIODeadline
  private var count = 0
  private var promise: EventLoopPromise<Int>?

  init(loop: any EventLoop, port: Int, context: TLSContext, deadline: NIODeadline) {
    self.loop = loop
    self.port = port
    self.context = context
    self.deadline = deadline
  }

  func run() -> EventLoopFuture<Int> {
    let promise = loop.makePromise(of: Int.self)
    self.promise = promise
    next()
    return promise.futureResult
  }

  private func next() {
    guard NIODeadline.now() < deadline else {
      promise?.succeed(count)
      return
    }
    let handshake = loop.makePromise(of: Void.self)
    let context = self.context
    let connected = ClientBootstrap(group: loop)
      .channelInitializer { channel in
        channel.eventLoop.makeCompletedFuture {
          try channel.pipeline.syncOperations.addHandlers([
            TLSHandler(context: context), HandshakeWaiter(promise: handshake),
          ])
        }
      }
      .connect(host: "127.0.0.1", port: port)
    connected.and(handshake.futureResult).assumeIsolated().whenComplete { result in
      switch result {
      case .success(let (channel, _)):
        // The next handshake need not wait for the close_notify exchange, as s_time does not.
        channel.close(promise: nil)
        self.count += 1
        self.next()
      case .failure(let error):
        self.promise?.fail(error)
      }
    }
  }
}
