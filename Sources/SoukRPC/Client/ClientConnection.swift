import NIOCore
import Synchronization

/// One client connection to a server, shared by every call the client makes while it is usable.
final class ClientConnection: Sendable {
  let channel: any Channel
  let outbox: FrameOutbox
  let localSettings: ConnectionSettings
  /// The server's settings, as its SETTINGS frame announced them.
  let peerSettings: ConnectionSettings
  private let handler: NIOLoopBound<ClientConnectionHandler>
  private let usable = Atomic<Bool>(true)

  init(
    channel: any Channel,
    handler: ClientConnectionHandler,
    outbox: FrameOutbox,
    localSettings: ConnectionSettings,
    peerSettings: ConnectionSettings
  ) {
    self.channel = channel
    self.handler = NIOLoopBound(handler, eventLoop: channel.eventLoop)
    self.outbox = outbox
    self.localSettings = localSettings
    self.peerSettings = peerSettings
  }

  /// Whether new calls may use this connection: open, and the server has not sent GOAWAY.
  var isUsable: Bool {
    self.usable.load(ordering: .relaxed) && self.channel.isActive
  }

  /// Marks the connection as taking no new calls.
  func markUnusable() {
    self.usable.store(false, ordering: .relaxed)
  }

  /// Opens `call` on the event loop.
  func open(_ call: ClientCall) {
    let handler = self.handler
    self.channel.eventLoop.execute { handler.value.open(call) }
  }

  /// Cancels `call` on the event loop.
  func cancel(_ call: ClientCall, code: RPCError.Code) {
    let handler = self.handler
    self.channel.eventLoop.execute { handler.value.cancel(call, code: code) }
  }

  /// Sends GOAWAY and closes once the calls in flight have ended.
  func closeGracefully() {
    self.markUnusable()
    let handler = self.handler
    self.channel.eventLoop.execute { handler.value.closeGracefully() }
  }
}
