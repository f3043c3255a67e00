import NIOCore
import Synchronization

/// One end of an in-memory connection: a NIO channel whose flushed writes become the reads of its peer, on the
/// same event loop, with no socket and no TLS.
///
/// The in-process transport runs the real souk/1 connection handlers over a pair of these, so every layer above
/// the socket (framing, flow control, deadlines, routing) behaves exactly as over TCP.
final class InProcessChannel: Channel, ChannelCore, @unchecked Sendable {
  // Safe: every mutable stored property except `active` is touched only on `eventLoop` (ChannelCore methods run
  // there by NIO's contract, and deliveries from the peer hop there); `active` is atomic.
  let eventLoop: any EventLoop
  let allocator = ByteBufferAllocator()
  private let closePromise: EventLoopPromise<Void>
  private let active = Atomic<Bool>(false)
  private var pendingWrites: [(ByteBuffer, EventLoopPromise<Void>?)] = []
  private var pipelineStorage: ChannelPipeline?
  /// The other end; cleared when either end closes, breaking the reference cycle.
  private var peer: InProcessChannel?
  private let address: SocketAddress?

  /// Creates a connected pair on `eventLoop`: what one end writes, the other reads.
  static func makePair(on eventLoop: any EventLoop) -> (client: InProcessChannel, server: InProcessChannel) {
    let client = InProcessChannel(eventLoop: eventLoop)
    let server = InProcessChannel(eventLoop: eventLoop)
    client.peer = server
    server.peer = client
    return (client, server)
  }

  private init(eventLoop: any EventLoop) {
    self.eventLoop = eventLoop
    self.closePromise = eventLoop.makePromise()
    self.address = nil
    self.pipelineStorage = nil
    self.pipelineStorage = ChannelPipeline(channel: self)
  }

  /// Marks the channel active and tells its pipeline; call on the event loop once its handlers are added.
  func activate() {
    self.eventLoop.preconditionInEventLoop()
    self.active.store(true, ordering: .releasing)
    self.pipeline.fireChannelRegistered()
    self.pipeline.fireChannelActive()
  }

  // MARK: Channel

  var pipeline: ChannelPipeline {
    // Set in init and never cleared.
    self.pipelineStorage!
  }

  var closeFuture: EventLoopFuture<Void> { self.closePromise.futureResult }
  var localAddress: SocketAddress? { self.address }
  var remoteAddress: SocketAddress? { self.address }
  var parent: (any Channel)? { nil }
  var isWritable: Bool { true }
  var isActive: Bool { self.active.load(ordering: .acquiring) }
  var _channelCore: any ChannelCore { self }

  func setOption<Option: ChannelOption>(_ option: Option, value: Option.Value) -> EventLoopFuture<Void> {
    self.eventLoop.makeSucceededFuture(())
  }

  func getOption<Option: ChannelOption>(_ option: Option) -> EventLoopFuture<Option.Value> {
    self.eventLoop.makeFailedFuture(ChannelError.operationUnsupported)
  }

  // MARK: ChannelCore

  func localAddress0() throws -> SocketAddress { throw ChannelError.operationUnsupported }
  func remoteAddress0() throws -> SocketAddress { throw ChannelError.operationUnsupported }
  func register0(promise: EventLoopPromise<Void>?) { promise?.succeed() }
  func registerAlreadyConfigured0(promise: EventLoopPromise<Void>?) { promise?.succeed() }
  func bind0(to: SocketAddress, promise: EventLoopPromise<Void>?) { promise?.fail(ChannelError.operationUnsupported) }
  func connect0(to: SocketAddress, promise: EventLoopPromise<Void>?) {
    promise?.fail(ChannelError.operationUnsupported)
  }

  func write0(_ data: NIOAny, promise: EventLoopPromise<Void>?) {
    guard self.isActive else {
      promise?.fail(ChannelError.ioOnClosedChannel)
      return
    }
    self.pendingWrites.append((self.unwrapData(data, as: ByteBuffer.self), promise))
  }

  func flush0() {
    guard !self.pendingWrites.isEmpty else { return }
    let writes = self.pendingWrites
    self.pendingWrites.removeAll()
    let buffers = writes.map(\.0)
    for (_, promise) in writes { promise?.succeed() }
    guard let peer = self.peer else { return }
    // A later turn of the loop, as a socket would deliver it: never re-entrantly inside the writer's handler.
    self.eventLoop.execute {
      peer.receive(buffers)
    }
  }

  func read0() {}

  func close0(error: any Error, mode: CloseMode, promise: EventLoopPromise<Void>?) {
    guard self.isActive else {
      promise?.succeed()
      return
    }
    self.active.store(false, ordering: .releasing)
    for (_, writePromise) in self.pendingWrites { writePromise?.fail(ChannelError.ioOnClosedChannel) }
    self.pendingWrites.removeAll()
    let peer = self.peer
    self.peer = nil
    self.pipeline.fireChannelInactive()
    self.pipeline.fireChannelUnregistered()
    self.eventLoop.execute {
      self.removeHandlers(pipeline: self.pipeline)
      self.closePromise.succeed()
    }
    promise?.succeed()
    if let peer {
      // The other end sees EOF, as after a TCP close.
      self.eventLoop.execute { peer.close(promise: nil) }
    }
  }

  func triggerUserOutboundEvent0(_ event: Any, promise: EventLoopPromise<Void>?) {
    promise?.fail(ChannelError.operationUnsupported)
  }

  func channelRead0(_ data: NIOAny) {}
  func errorCaught0(error: any Error) {}

  private func receive(_ buffers: [ByteBuffer]) {
    guard self.isActive else { return }
    for buffer in buffers { self.pipeline.fireChannelRead(buffer) }
    self.pipeline.fireChannelReadComplete()
  }
}
