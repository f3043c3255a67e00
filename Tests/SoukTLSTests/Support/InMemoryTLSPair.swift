import NIOCore
import NIOEmbedded
import SoukTLS

/// A client and a server TLS handler on two `EmbeddedChannel`s whose bytes are passed back to back.
final class InMemoryTLSPair {
  let client: EmbeddedChannel
  let server: EmbeddedChannel
  let clientHandler: TLSHandler
  let serverHandler: TLSHandler
  let clientEvents = EventRecorder()
  let serverEvents = EventRecorder()
  /// The shared loop, so one `advanceTime` moves both sides' timers.
  let loop = EmbeddedEventLoop()

  init(clientContext: TLSContext, serverContext: TLSContext, serverName: String? = nil) throws {
    clientHandler = try TLSHandler(context: clientContext, serverName: serverName)
    serverHandler = try TLSHandler(context: serverContext)
    client = EmbeddedChannel(loop: loop)
    server = EmbeddedChannel(loop: loop)
    try client.pipeline.syncOperations.addHandlers([clientHandler, clientEvents])
    try server.pipeline.syncOperations.addHandlers([serverHandler, serverEvents])
  }

  /// Makes both channels active (the client starts its handshake).
  func connect() throws {
    try server.connect(to: SocketAddress(ipAddress: "127.0.0.1", port: 1)).wait()
    try client.connect(to: SocketAddress(ipAddress: "127.0.0.1", port: 443)).wait()
  }

  /// Passes bytes between the two sides until neither has anything left to send.
  func interact() throws {
    var moved = true
    while moved {
      moved = false
      while let bytes = try client.readOutbound(as: ByteBuffer.self) {
        moved = true
        if server.isActive { try server.writeInbound(bytes) }
      }
      while let bytes = try server.readOutbound(as: ByteBuffer.self) {
        moved = true
        if client.isActive { try client.writeInbound(bytes) }
      }
    }
  }

  /// Runs the whole handshake.
  func handshake() throws {
    try connect()
    try interact()
  }

  /// The plaintext the server application has received so far, as text.
  var serverReceivedText: String { String(buffer: serverEvents.received) }
  var clientReceivedText: String { String(buffer: clientEvents.received) }
}
