import SoukTLS
import SoukTestSupport

extension TLSTestServer {
  /// Events until the next connection closes; returns that connection's errors and handshake.
  func nextClosedConnection() async throws -> (errors: [TLSError], info: TLSConnectionInfo?, bytesReceived: Int) {
    try await withTimeout(.seconds(30), "a server connection closing") { await self.collectUntilClosed() }
  }

  private func collectUntilClosed() async -> (errors: [TLSError], info: TLSConnectionInfo?, bytesReceived: Int) {
    var errors: [Int: [TLSError]] = [:]
    var infos: [Int: TLSConnectionInfo] = [:]
    for await event in events {
      switch event {
      case .handshakeCompleted(let connection, let info):
        infos[connection] = info
      case .error(let connection, let error):
        errors[connection, default: []].append(error)
      case .closed(let connection, let bytesReceived):
        return (errors[connection] ?? [], infos[connection], bytesReceived)
      }
    }
    return ([], nil, 0)
  }
}
