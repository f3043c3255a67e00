/// What a completed handshake negotiated.
public struct TLSConnectionInfo: Sendable, Hashable {
  /// The ALPN protocol both sides agreed on ("souk/1").
  public var applicationProtocol: String?
  /// The protocol version, "TLSv1.3" or "TLSv1.2".
  public var protocolVersion: String
  /// The cipher suite's OpenSSL name.
  public var cipherSuite: String
  /// The peer's verified certificate identity; nil when the peer presented none (or was not verified).
  public var peerIdentity: TLSPeerIdentity?
  /// Whether the handshake resumed an earlier session.
  public var sessionResumed: Bool

  /// Creates connection information.
  public init(
    applicationProtocol: String?,
    protocolVersion: String,
    cipherSuite: String,
    peerIdentity: TLSPeerIdentity?,
    sessionResumed: Bool
  ) {
    self.applicationProtocol = applicationProtocol
    self.protocolVersion = protocolVersion
    self.cipherSuite = cipherSuite
    self.peerIdentity = peerIdentity
    self.sessionResumed = sessionResumed
  }
}
