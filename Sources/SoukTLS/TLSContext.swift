internal import COpenSSL
internal import CSoukOpenSSLShims

/// An immutable OpenSSL context built once from a ``TLSConfiguration`` and shared by every connection.
///
/// Building reads the certificate, key and trust-root files, so do it once at start-up, off the event loop,
/// and hand the same context to every channel initializer. A context is safe to use from any thread.
public final class TLSContext: Sendable {
  /// The configuration this context was built from.
  public let configuration: TLSConfiguration

  // `SSL_CTX` is safe to share: after this initializer nothing changes it, and OpenSSL makes `SSL_new`
  // and reference counting on a context thread-safe.
  nonisolated(unsafe) let pointer: OpaquePointer
  // The server's ALPN list the C select callback reads; written once here, freed in deinit.
  nonisolated(unsafe) private let alpnProtocols: UnsafeMutablePointer<souk_alpn_protocols>?
  /// Sessions a client can resume; nil for servers.
  let sessionCache: TLSClientSessionCache?

  /// Builds a context.
  ///
  /// - Throws: ``TLSError`` naming the file when a certificate, key or trust-root file is missing,
  ///   unreadable or invalid, or when the key does not match the certificate (`.privateKeyMismatch`);
  ///   `.invalidConfiguration` for contradictory settings.
  public init(configuration: TLSConfiguration) throws(TLSError) {
    try Self.validate(configuration)
    OpenSSLErrorQueue.clear()
    let method = configuration.role == .server ? TLS_server_method() : TLS_client_method()
    guard let pointer = SSL_CTX_new(method) else {
      throw OpenSSLErrorQueue.error(.internalError, "cannot create an OpenSSL context")
    }
    self.configuration = configuration
    self.pointer = pointer
    let resumes = configuration.role == .client && configuration.resumesSessions
    self.sessionCache = resumes ? TLSClientSessionCache() : nil
    if configuration.role == .server {
      let wire = Self.alpnWireFormat(configuration.applicationProtocols)
      let bytes = UnsafeMutablePointer<UInt8>.allocate(capacity: wire.count)
      bytes.initialize(from: wire, count: wire.count)
      let list = UnsafeMutablePointer<souk_alpn_protocols>.allocate(capacity: 1)
      list.initialize(to: souk_alpn_protocols(wire: bytes, length: UInt32(wire.count)))
      self.alpnProtocols = list
    } else {
      self.alpnProtocols = nil
    }
    try configure()
  }

  deinit {
    SSL_CTX_free(pointer)
    if let alpnProtocols {
      UnsafeMutablePointer(mutating: alpnProtocols.pointee.wire)?.deallocate()
      alpnProtocols.deallocate()
    }
  }

  private func configure() throws(TLSError) {
    let configuration = self.configuration
    guard souk_SSL_CTX_set_min_proto_version_tls12(pointer) == 1 else {
      throw OpenSSLErrorQueue.error(.internalError, "cannot set the minimum TLS version")
    }
    SSL_CTX_set_options(pointer, souk_ssl_hardening_options())
    _ = souk_SSL_CTX_set_mode(pointer, souk_ssl_mode_flags())
    // TLS 1.2: ECDHE key exchange with AEAD ciphers only (no CBC, no static RSA). TLS 1.3 suites are all AEAD.
    guard SSL_CTX_set_cipher_list(pointer, Self.tls12CipherList) == 1,
      SSL_CTX_set_ciphersuites(pointer, Self.tls13CipherSuites) == 1,
      souk_SSL_CTX_set1_groups_list(pointer, "X25519:P-256:P-384") == 1
    else {
      throw OpenSSLErrorQueue.error(.internalError, "cannot restrict the cipher suites")
    }

    if let chainPath = configuration.certificateChainPath, let keyPath = configuration.privateKeyPath {
      try useCertificateChain(chainPath, keyPath: keyPath)
    }
    if let trustRoots = configuration.trustRoots {
      try useTrustRoots(trustRoots)
    }

    switch configuration.role {
    case .server:
      var mode = SSL_VERIFY_NONE
      switch configuration.clientCertificatePolicy {
      case .none: mode = SSL_VERIFY_NONE
      case .optional: mode = SSL_VERIFY_PEER
      case .required: mode = SSL_VERIFY_PEER | SSL_VERIFY_FAIL_IF_NO_PEER_CERT
      }
      SSL_CTX_set_verify(pointer, mode, nil)
      // Resumed sessions must belong to this application, and client certificates need this set.
      let contextID: [UInt8] = Array("souk".utf8)
      _ = SSL_CTX_set_session_id_context(pointer, contextID, UInt32(contextID.count))
      if let alpnProtocols {
        souk_SSL_CTX_require_alpn(pointer, alpnProtocols)
      }
    case .client:
      SSL_CTX_set_verify(pointer, configuration.verification == .none ? SSL_VERIFY_NONE : SSL_VERIFY_PEER, nil)
      let wire = Self.alpnWireFormat(configuration.applicationProtocols)
      // Unlike most OpenSSL calls, this one returns 0 on success.
      guard SSL_CTX_set_alpn_protos(pointer, wire, UInt32(wire.count)) == 0 else {
        throw OpenSSLErrorQueue.error(.internalError, "cannot set the ALPN protocols")
      }
      if sessionCache != nil {
        _ = souk_SSL_CTX_set_session_cache_mode(pointer, souk_ssl_client_session_cache_mode())
        SSL_CTX_sess_set_new_cb(pointer, tlsClientNewSessionCallback)
      }
    }
  }

  private func useCertificateChain(_ chainPath: String, keyPath: String) throws(TLSError) {
    let certificates = try PEMFile.certificates(chainPath, what: "certificate chain")
    let key = try PEMFile.privateKey(keyPath)
    OpenSSLErrorQueue.clear()
    guard SSL_CTX_use_certificate(pointer, certificates[0].pointer) == 1 else {
      throw OpenSSLErrorQueue.error(.invalidCertificate, "cannot use the certificate in '\(chainPath)'")
    }
    for intermediate in certificates.dropFirst() {
      guard souk_SSL_CTX_add1_chain_cert(pointer, intermediate.pointer) == 1 else {
        throw OpenSSLErrorQueue.error(.invalidCertificate, "cannot use the chain in '\(chainPath)'")
      }
    }
    guard SSL_CTX_use_PrivateKey(pointer, key.pointer) == 1, SSL_CTX_check_private_key(pointer) == 1 else {
      throw OpenSSLErrorQueue.error(
        .privateKeyMismatch,
        "the private key in '\(keyPath)' does not match the certificate in '\(chainPath)'"
      )
    }
  }

  private func useTrustRoots(_ trustRoots: TLSConfiguration.TrustRoots) throws(TLSError) {
    switch trustRoots {
    case .system:
      OpenSSLErrorQueue.clear()
      guard SSL_CTX_set_default_verify_paths(pointer) == 1 else {
        throw OpenSSLErrorQueue.error(.fileUnreadable, "cannot load the system trust roots")
      }
    case .pemFile(let path):
      let certificates = try PEMFile.certificates(path, what: "trust roots")
      guard let store = SSL_CTX_get_cert_store(pointer) else {
        throw OpenSSLErrorQueue.error(.internalError, "OpenSSL context has no certificate store")
      }
      for certificate in certificates {
        OpenSSLErrorQueue.clear()
        guard X509_STORE_add_cert(store, certificate.pointer) == 1 else {
          throw OpenSSLErrorQueue.error(.invalidCertificate, "cannot trust a certificate from '\(path)'")
        }
      }
    }
  }

  private static func validate(_ configuration: TLSConfiguration) throws(TLSError) {
    func invalid(_ message: String) -> TLSError { TLSError(code: .invalidConfiguration, message: message) }
    if configuration.applicationProtocols.isEmpty {
      throw invalid("at least one ALPN protocol is required")
    }
    for name in configuration.applicationProtocols where name.utf8.isEmpty || name.utf8.count > 255 {
      throw invalid("ALPN protocol '\(name)' must be 1 to 255 bytes long")
    }
    if (configuration.certificateChainPath == nil) != (configuration.privateKeyPath == nil) {
      throw invalid("a certificate chain and a private key go together: give both or neither")
    }
    switch configuration.role {
    case .server:
      if configuration.certificateChainPath == nil {
        throw invalid("a server needs a certificate chain and a private key")
      }
      if configuration.clientCertificatePolicy != .none, configuration.trustRoots == nil {
        throw invalid("verifying client certificates needs the client CA trust roots")
      }
    case .client:
      if configuration.verification != .none, configuration.trustRoots == nil {
        throw invalid("verifying the server needs trust roots")
      }
    }
  }

  static func alpnWireFormat(_ protocols: [String]) -> [UInt8] {
    var wire: [UInt8] = []
    for name in protocols {
      wire.append(UInt8(name.utf8.count))
      wire.append(contentsOf: name.utf8)
    }
    return wire
  }

  private static let tls12CipherList = [
    "ECDHE-ECDSA-AES128-GCM-SHA256", "ECDHE-RSA-AES128-GCM-SHA256",
    "ECDHE-ECDSA-AES256-GCM-SHA384", "ECDHE-RSA-AES256-GCM-SHA384",
    "ECDHE-ECDSA-CHACHA20-POLY1305", "ECDHE-RSA-CHACHA20-POLY1305",
  ].joined(separator: ":")

  private static let tls13CipherSuites = "TLS_AES_128_GCM_SHA256:TLS_AES_256_GCM_SHA384:TLS_CHACHA20_POLY1305_SHA256"
}

/// Hands every new session of a client connection to the connection's cache entry (TLS 1.3 tickets arrive
/// after the handshake, so this is the one place to catch them). Returning 1 keeps OpenSSL's reference.
private let tlsClientNewSessionCallback: @convention(c) (OpaquePointer?, OpaquePointer?) -> Int32 = { ssl, session in
  guard let ssl, let session, let connection = SSLConnection.from(ssl) else { return 0 }
  return connection.storeSession(session) ? 1 : 0
}
