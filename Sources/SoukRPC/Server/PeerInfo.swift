public import SoukTLS

/// The remote end of a connection, as a server handler sees it.
public struct PeerInfo: Sendable, Hashable {
  /// The remote address, e.g. `127.0.0.1:52344`; `in-process` for the in-process transport.
  public var remoteAddress: String
  /// What the TLS handshake negotiated, including the verified client certificate's identity (mutual TLS).
  public var tls: TLSConnectionInfo?

  /// Creates peer information.
  public init(remoteAddress: String, tls: TLSConnectionInfo?) {
    self.remoteAddress = remoteAddress
    self.tls = tls
  }
}
