public import NIOCore

/// Everything needed to build a ``TLSContext``: which side, which certificate, whom to trust.
///
/// Build one with ``server(certificateChainPath:privateKeyPath:clientCertificatePolicy:clientCATrustRoots:applicationProtocols:handshakeTimeout:)``
/// or ``client(trustRoots:certificateChainPath:privateKeyPath:serverName:verification:applicationProtocols:handshakeTimeout:)``.
/// Every context speaks TLS 1.2 or 1.3 (1.3 preferred), only AEAD cipher suites with forward secrecy, with
/// renegotiation and compression off.
public struct TLSConfiguration: Sendable, Hashable {
  /// Which end of the connection the context serves.
  public enum Role: Sendable, Hashable {
    case server
    case client
  }

  /// Whether a server asks its clients for a certificate (mutual TLS).
  public enum ClientCertificatePolicy: Sendable, Hashable {
    /// Never ask for one.
    case none
    /// Ask; verify it when one is presented; accept clients without one.
    case optional
    /// Ask and refuse the handshake without a valid one.
    case required
  }

  /// The certificates a side trusts to sign its peer's certificate.
  public enum TrustRoots: Sendable, Hashable {
    /// The operating system's store (Debian: /etc/ssl/certs).
    case system
    /// The certificates in one PEM file.
    case pemFile(String)
  }

  /// How much of the server's identity a client checks.
  public enum CertificateVerification: Sendable, Hashable {
    /// The chain must lead to a trust root and name the server (host name or IP address). The default.
    case fullVerification
    /// The chain must lead to a trust root; the name is not checked.
    case noHostnameVerification
    /// Nothing is checked: only for tests against throw-away servers.
    case none
  }

  /// The ALPN protocol Souk speaks.
  public static let soukApplicationProtocol = "souk/1"
  /// The default time a handshake may take.
  public static let defaultHandshakeTimeout = TimeAmount.seconds(10)

  /// Which side this configuration is for.
  public var role: Role
  /// The PEM file with our certificate first, then any intermediates. Required for a server.
  public var certificateChainPath: String?
  /// The PEM file with the private key of our certificate.
  public var privateKeyPath: String?
  /// The roots that sign the peer's certificate (for a server: its clients' certificates).
  public var trustRoots: TrustRoots?
  /// A server's policy for client certificates.
  public var clientCertificatePolicy: ClientCertificatePolicy
  /// A client's default server name for SNI and verification; a handler may override it per connection.
  public var serverName: String?
  /// How a client checks the server.
  public var verification: CertificateVerification
  /// ALPN protocols, most preferred first; the handshake fails when the peers share none.
  public var applicationProtocols: [String]
  /// How long the handshake may take before the connection is closed.
  public var handshakeTimeout: TimeAmount
  /// Whether a client resumes earlier sessions when it reconnects to the same server (name and address).
  public var resumesSessions: Bool

  /// A server configuration.
  ///
  /// - Parameters:
  ///   - certificateChainPath: PEM file: the server certificate first, then intermediates.
  ///   - privateKeyPath: PEM file with the certificate's private key.
  ///   - clientCertificatePolicy: whether to ask clients for certificates (mutual TLS).
  ///   - clientCATrustRoots: the roots that sign client certificates; required unless the policy is `.none`.
  ///   - applicationProtocols: ALPN protocols in the server's order of preference.
  ///   - handshakeTimeout: the time after which an unfinished handshake is abandoned.
  public static func server(
    certificateChainPath: String,
    privateKeyPath: String,
    clientCertificatePolicy: ClientCertificatePolicy = .none,
    clientCATrustRoots: TrustRoots? = nil,
    applicationProtocols: [String] = [soukApplicationProtocol],
    handshakeTimeout: TimeAmount = defaultHandshakeTimeout
  ) -> TLSConfiguration {
    TLSConfiguration(
      role: .server,
      certificateChainPath: certificateChainPath,
      privateKeyPath: privateKeyPath,
      trustRoots: clientCATrustRoots,
      clientCertificatePolicy: clientCertificatePolicy,
      serverName: nil,
      verification: .fullVerification,
      applicationProtocols: applicationProtocols,
      handshakeTimeout: handshakeTimeout,
      resumesSessions: false
    )
  }

  /// A client configuration; verification of the server's certificate and name is on by default.
  ///
  /// - Parameters:
  ///   - trustRoots: the roots that sign server certificates.
  ///   - certificateChainPath: PEM file with a client certificate, for servers that require one.
  ///   - privateKeyPath: PEM file with the client certificate's key (both or neither).
  ///   - serverName: the host name or IP address to verify and send as SNI (IPs are never sent as SNI).
  ///   - verification: how much of the server's identity to check.
  ///   - applicationProtocols: ALPN protocols to offer.
  ///   - handshakeTimeout: the time after which an unfinished handshake is abandoned.
  ///   - resumesSessions: whether reconnections resume earlier sessions (saving a full handshake).
  public static func client(
    trustRoots: TrustRoots = .system,
    certificateChainPath: String? = nil,
    privateKeyPath: String? = nil,
    serverName: String? = nil,
    verification: CertificateVerification = .fullVerification,
    applicationProtocols: [String] = [soukApplicationProtocol],
    handshakeTimeout: TimeAmount = defaultHandshakeTimeout,
    resumesSessions: Bool = true
  ) -> TLSConfiguration {
    TLSConfiguration(
      role: .client,
      certificateChainPath: certificateChainPath,
      privateKeyPath: privateKeyPath,
      trustRoots: trustRoots,
      clientCertificatePolicy: .none,
      serverName: serverName,
      verification: verification,
      applicationProtocols: applicationProtocols,
      handshakeTimeout: handshakeTimeout,
      resumesSessions: resumesSessions
    )
  }
}
