import NIOCore
import NIOTLS
import SoukTLS

/// The last handler of a test pipeline: records what reaches the application.
final class EventRecorder: ChannelInboundHandler {
  typealias InboundIn = ByteBuffer

  var received = ByteBuffer()
  var errors: [any Error] = []
  var negotiatedProtocols: [String?] = []
  var inputClosed = false
  var inactive = false

  func channelRead(context: ChannelHandlerContext, data: NIOAny) {
    var buffer = unwrapInboundIn(data)
    received.writeBuffer(&buffer)
  }

  func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
    if case .handshakeCompleted(let negotiatedProtocol) = event as? TLSUserEvent {
      negotiatedProtocols.append(negotiatedProtocol)
    }
    if let event = event as? ChannelEvent, event == .inputClosed {
      inputClosed = true
    }
  }

  func errorCaught(context: ChannelHandlerContext, error: any Error) {
    errors.append(error)
  }

  func channelInactive(context: ChannelHandlerContext) {
    inactive = true
  }

  var tlsErrors: [TLSError] { errors.compactMap { $0 as? TLSError } }
}
