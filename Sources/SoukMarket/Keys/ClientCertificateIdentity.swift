import SoukRPC
import SoukTLS

/// The partner a verified client certificate names: mutual TLS as an alternative to an API key.
///
/// When the server is configured with a client CA (`souk serve --client-ca`), a partner may present a certificate
/// signed by that CA whose subject common name is its partner id (`CN=ptn_…`). TLS has verified the chain before
/// a call arrives, so the name can be trusted; whether the partner exists is for the store to say.
enum ClientCertificateIdentity {
  /// The partner id of the peer's certificate, or nil when the peer presented none or its common name is not a
  /// partner id.
  static func partnerID(of peer: PeerInfo) -> String? {
    guard let subject = peer.tls?.peerIdentity?.subject else { return nil }
    // RFC 2253: attributes separated by unescaped commas; a partner id has neither commas nor escapes.
    for attribute in subject.split(separator: ",") {
      let parts = attribute.split(separator: "=", maxSplits: 1)
      if parts.count == 2, parts[0].trimmingPrefixSpaces == "CN", parts[1].hasPrefix("ptn_") {
        return String(parts[1])
      }
    }
    return nil
  }
}

extension Substring {
  fileprivate var trimmingPrefixSpaces: Substring { self.drop { $0 == " " } }
}
