/// An error from Souk's TLS layer: building a context, a handshake, or a connection.
///
/// Switch on ``code``; show ``message`` to people. When OpenSSL reported the failure, ``openSSLErrors``
/// holds the strings OpenSSL left in its error queue, most relevant last.
public struct TLSError: Error, Hashable, Sendable, CustomStringConvertible {
  /// What went wrong, as a value callers can switch on; new codes may be added.
  public struct Code: Hashable, Sendable, CustomStringConvertible {
    private enum Wrapped: Hashable, Sendable {
      case fileNotFound, fileUnreadable, invalidCertificate, invalidPrivateKey, privateKeyMismatch
      case invalidConfiguration, handshakeFailed, handshakeTimeout, certificateVerificationFailed
      case noApplicationProtocol, peerCertificateRequired, unsupportedProtocolVersion, notTLS
      case connectionClosedDuringHandshake, uncleanShutdown, protocolError, outputClosed
      case certificateGenerationFailed, internalError
    }

    private let wrapped: Wrapped
    private init(_ wrapped: Wrapped) { self.wrapped = wrapped }

    /// A certificate, key or trust-root file does not exist.
    public static let fileNotFound = Code(.fileNotFound)
    /// A file exists but could not be read (permissions, a directory, an I/O error).
    public static let fileUnreadable = Code(.fileUnreadable)
    /// A file holds no valid PEM certificate.
    public static let invalidCertificate = Code(.invalidCertificate)
    /// A file holds no valid PEM private key.
    public static let invalidPrivateKey = Code(.invalidPrivateKey)
    /// The private key does not belong to the certificate.
    public static let privateKeyMismatch = Code(.privateKeyMismatch)
    /// The configuration contradicts itself (for example verification without a server name).
    public static let invalidConfiguration = Code(.invalidConfiguration)
    /// The handshake failed for a reason with no more specific code.
    public static let handshakeFailed = Code(.handshakeFailed)
    /// The handshake did not finish within the configured timeout.
    public static let handshakeTimeout = Code(.handshakeTimeout)
    /// The peer's certificate chain or name did not verify.
    public static let certificateVerificationFailed = Code(.certificateVerificationFailed)
    /// The peers share no ALPN protocol, or the client offered none.
    public static let noApplicationProtocol = Code(.noApplicationProtocol)
    /// The server requires a client certificate and none was presented.
    public static let peerCertificateRequired = Code(.peerCertificateRequired)
    /// The peer offered only protocol versions older than TLS 1.2.
    public static let unsupportedProtocolVersion = Code(.unsupportedProtocolVersion)
    /// The peer does not speak TLS (plaintext HTTP, garbage).
    public static let notTLS = Code(.notTLS)
    /// The connection ended before the handshake finished.
    public static let connectionClosedDuringHandshake = Code(.connectionClosedDuringHandshake)
    /// The peer closed the connection without sending close_notify: data may have been truncated.
    public static let uncleanShutdown = Code(.uncleanShutdown)
    /// The peer broke the TLS protocol after the handshake (bad record, unexpected message, fatal alert).
    public static let protocolError = Code(.protocolError)
    /// A write after the TLS output was closed.
    public static let outputClosed = Code(.outputClosed)
    /// Creating development certificates failed.
    public static let certificateGenerationFailed = Code(.certificateGenerationFailed)
    /// OpenSSL failed in a way that should not happen (allocation failure).
    public static let internalError = Code(.internalError)

    public var description: String { String(describing: wrapped) }
  }

  /// What went wrong.
  public var code: Code
  /// A sentence for people, naming the file or peer involved.
  public var message: String
  /// The OpenSSL error-queue entries behind this error, oldest first (may be empty).
  public var openSSLErrors: [String]

  /// Creates an error.
  public init(code: Code, message: String, openSSLErrors: [String] = []) {
    self.code = code
    self.message = message
    self.openSSLErrors = openSSLErrors
  }

  public var description: String {
    if openSSLErrors.isEmpty { return "TLSError.\(code): \(message)" }
    return "TLSError.\(code): \(message) (OpenSSL: \(openSSLErrors.joined(separator: "; ")))"
  }
}
