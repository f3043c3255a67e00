/// The identity in a peer's verified certificate.
public struct TLSPeerIdentity: Sendable, Hashable {
  /// The certificate's subject as an RFC 2253 string, for example "CN=shop-42,O=Partner".
  public var subject: String
  /// The DNS names among the subject alternative names.
  public var dnsNames: [String]
  /// The IP addresses among the subject alternative names, as text ("127.0.0.1", "::1").
  public var ipAddresses: [String]

  /// Creates an identity.
  public init(subject: String, dnsNames: [String], ipAddresses: [String]) {
    self.subject = subject
    self.dnsNames = dnsNames
    self.ipAddresses = ipAddresses
  }
}
