internal import COpenSSL
internal import CSoukOpenSSLShims
import NIOCore

/// One OpenSSL `SSL` over two memory BIOs: ciphertext from the network goes into the read BIO, ciphertext
/// for the network comes out of the write BIO.
///
/// Every call clears the error queue first, so a failure carries only its own errors. Not thread-safe: it
/// lives on its channel's event loop.
final class SSLConnection {
  /// The outcome of a handshake step or a shutdown.
  enum StepResult {
    case complete
    case incomplete
    case failed(TLSError)
  }

  /// The outcome of reading plaintext.
  enum ReadResult {
    /// Plaintext was appended (possibly nothing); more needs ciphertext from the network.
    case wantRead
    /// The peer sent close_notify; everything before it was appended.
    case closeNotify
    case failed(TLSError)
  }

  let context: TLSContext
  private let ssl: OpaquePointer
  private let networkInput: OpaquePointer
  private let networkOutput: OpaquePointer
  /// Where a client's new sessions are kept; nil for servers or when resumption is not wanted.
  private var sessionCacheKey: String?
  private let role: TLSConfiguration.Role

  /// Creates the connection for `context`; a client verifies `serverName` and sends it as SNI unless it
  /// is an IP address.
  init(context: TLSContext, serverName: String?) throws(TLSError) {
    OpenSSLErrorQueue.clear()
    guard let ssl = SSL_new(context.pointer) else {
      throw OpenSSLErrorQueue.error(.internalError, "cannot create an OpenSSL connection")
    }
    guard let input = BIO_new(BIO_s_mem()), let output = BIO_new(BIO_s_mem()) else {
      SSL_free(ssl)
      throw OpenSSLErrorQueue.error(.internalError, "cannot create memory BIOs")
    }
    // An empty read BIO means "wait for more bytes", not end of file.
    _ = souk_BIO_set_mem_eof_return(input, -1)
    _ = souk_BIO_set_mem_eof_return(output, -1)
    SSL_set_bio(ssl, input, output)  // the SSL now owns both BIOs
    self.ssl = ssl
    self.networkInput = input
    self.networkOutput = output
    self.context = context
    self.role = context.configuration.role
    SSL_set_ex_data(ssl, 0, Unmanaged.passUnretained(self).toOpaque())

    switch role {
    case .server:
      SSL_set_accept_state(ssl)
    case .client:
      SSL_set_connect_state(ssl)
      try configureClient(serverName: serverName)
    }
  }

  deinit {
    SSL_free(ssl)
  }

  /// The connection owning `ssl`, found through the `SSL`'s ex_data (used by C callbacks).
  static func from(_ ssl: OpaquePointer) -> SSLConnection? {
    guard let raw = SSL_get_ex_data(ssl, 0) else { return nil }
    return Unmanaged<SSLConnection>.fromOpaque(raw).takeUnretainedValue()
  }

  private func configureClient(serverName: String?) throws(TLSError) {
    let verification = context.configuration.verification
    guard let serverName, !serverName.isEmpty else {
      if verification == .fullVerification {
        throw TLSError(
          code: .invalidConfiguration,
          message:
            "a client that verifies the server's name needs a server name (or verification: .noHostnameVerification)"
        )
      }
      return
    }
    let isIPAddress = IPAddressText.isIPAddress(serverName)
    if !isIPAddress {
      // SNI carries host names only (RFC 6066).
      guard souk_SSL_set_tlsext_host_name(ssl, serverName) == 1 else {
        throw OpenSSLErrorQueue.error(.invalidConfiguration, "invalid server name '\(serverName)'")
      }
    }
    if verification == .fullVerification {
      let accepted: Bool
      if isIPAddress {
        accepted = X509_VERIFY_PARAM_set1_ip_asc(SSL_get0_param(ssl), serverName) == 1
      } else {
        accepted = SSL_set1_host(ssl, serverName) == 1
      }
      guard accepted else {
        throw OpenSSLErrorQueue.error(.invalidConfiguration, "cannot verify the server name '\(serverName)'")
      }
    }
  }

  /// Offers a cached session for `key` and keeps the sessions of this connection under `key`.
  func enableResumption(key: String) {
    guard let cache = context.sessionCache else { return }
    sessionCacheKey = key
    if let session = cache.take(for: key) {
      SSL_set_session(ssl, session)
      SSL_SESSION_free(session)  // SSL_set_session took its own reference
    }
  }

  /// Called by the context's new-session callback; returns whether the reference was kept.
  func storeSession(_ session: OpaquePointer) -> Bool {
    guard let sessionCacheKey, let cache = context.sessionCache else { return false }
    cache.store(session, for: sessionCacheKey)
    return true
  }

  /// Hands ciphertext received from the network to OpenSSL.
  func receive(_ buffer: ByteBuffer) {
    buffer.withUnsafeReadableBytes { bytes in
      var offset = 0
      while offset < bytes.count {
        let chunk = Int32(clamping: bytes.count - offset)
        // A memory BIO grows to take every byte; it fails only when out of memory.
        let written = BIO_write(networkInput, bytes.baseAddress?.advanced(by: offset), chunk)
        guard written > 0 else { return }
        offset += Int(written)
      }
    }
  }

  /// Ciphertext OpenSSL produced for the network, or nil when there is none.
  func pendingOutput(allocator: ByteBufferAllocator) -> ByteBuffer? {
    let pending = Int(BIO_ctrl_pending(networkOutput))
    guard pending > 0 else { return nil }
    var buffer = allocator.buffer(capacity: pending)
    buffer.writeWithUnsafeMutableBytes(minimumWritableBytes: pending) { bytes in
      Int(max(0, BIO_read(networkOutput, bytes.baseAddress, Int32(pending))))
    }
    return buffer
  }

  /// Runs the handshake as far as the bytes received so far allow.
  func handshake() -> StepResult {
    OpenSSLErrorQueue.clear()
    let result = SSL_do_handshake(ssl)
    if result == 1 { return .complete }
    let error = SSL_get_error(ssl, result)
    switch error {
    case SSL_ERROR_WANT_READ, SSL_ERROR_WANT_WRITE, SSL_ERROR_WANT_RETRY_VERIFY:
      return .incomplete
    default:
      return .failed(handshakeError(sslError: error))
    }
  }

  /// Decrypts whatever whole records have arrived, appending the plaintext to `plaintext`.
  func read(into plaintext: inout ByteBuffer) -> ReadResult {
    while true {
      OpenSSLErrorQueue.clear()
      var readCount = 0
      var status: Int32 = 0
      plaintext.writeWithUnsafeMutableBytes(minimumWritableBytes: Self.readChunkBytes) { bytes in
        status = SSL_read_ex(ssl, bytes.baseAddress, bytes.count, &readCount)
        return status == 1 ? readCount : 0
      }
      if status == 1 { continue }
      let error = SSL_get_error(ssl, status)
      switch error {
      case SSL_ERROR_WANT_READ, SSL_ERROR_WANT_WRITE:
        return .wantRead
      case SSL_ERROR_ZERO_RETURN:
        return .closeNotify
      default:
        return .failed(connectionError(sslError: error))
      }
    }
  }

  /// Encrypts all of `plaintext` into the write BIO.
  func write(_ plaintext: ByteBuffer) -> TLSError? {
    var failure: TLSError?
    plaintext.withUnsafeReadableBytes { bytes in
      var offset = 0
      while offset < bytes.count {
        OpenSSLErrorQueue.clear()
        var written = 0
        let status = SSL_write_ex(ssl, bytes.baseAddress?.advanced(by: offset), bytes.count - offset, &written)
        if status == 1 {
          offset += written
          continue
        }
        let error = SSL_get_error(ssl, status)
        failure = connectionError(sslError: error)
        return
      }
    }
    return failure
  }

  /// Queues close_notify in the write BIO.
  func shutdown() {
    OpenSSLErrorQueue.clear()
    // 0 means "sent, the peer's has not arrived", 1 means both are done; either way ours is queued.
    _ = SSL_shutdown(ssl)
    OpenSSLErrorQueue.clear()
  }

  /// What the finished handshake negotiated.
  func connectionInfo() -> TLSConnectionInfo {
    var alpnBytes: UnsafePointer<UInt8>?
    var alpnLength: UInt32 = 0
    SSL_get0_alpn_selected(ssl, &alpnBytes, &alpnLength)
    let applicationProtocol = alpnBytes.map {
      String(decoding: UnsafeBufferPointer(start: $0, count: Int(alpnLength)), as: UTF8.self)
    }
    let version = SSL_get_version(ssl).map { String(cString: $0) } ?? "unknown"
    let cipher = SSL_get_current_cipher(ssl).flatMap { SSL_CIPHER_get_name($0) }.map { String(cString: $0) }
    var peerIdentity: TLSPeerIdentity?
    if let peer = SSL_get0_peer_certificate(ssl), SSL_get_verify_result(ssl) == X509_V_OK,
      SSL_get_verify_mode(ssl) & SSL_VERIFY_PEER != 0
    {
      peerIdentity = X509Certificate(retaining: peer).identity
    }
    return TLSConnectionInfo(
      applicationProtocol: applicationProtocol,
      protocolVersion: version,
      cipherSuite: cipher ?? "unknown",
      peerIdentity: peerIdentity,
      sessionResumed: SSL_session_reused(ssl) == 1
    )
  }

  private static let readChunkBytes = 16_384 + 256

  private func handshakeError(sslError: Int32) -> TLSError {
    let entries = OpenSSLErrorQueue.drain()
    let texts = entries.map(\.text)
    let reasons = Set(entries.filter { $0.library == ERR_LIB_SSL }.map(\.reason))
    let verifyResult = SSL_get_verify_result(ssl)
    let peer = role == .client ? "server" : "client"
    if reasons.contains(SSL_R_CERTIFICATE_VERIFY_FAILED), verifyResult != X509_V_OK {
      let reason = X509_verify_cert_error_string(verifyResult).map { String(cString: $0) } ?? "unknown"
      return TLSError(
        code: .certificateVerificationFailed,
        message: "the \(peer)'s certificate did not verify: \(reason)",
        openSSLErrors: texts
      )
    }
    if reasons.contains(SSL_R_PEER_DID_NOT_RETURN_A_CERTIFICATE)
      || reasons.contains(SSL_R_TLSV13_ALERT_CERTIFICATE_REQUIRED)
    {
      return TLSError(
        code: .peerCertificateRequired,
        message: role == .server
          ? "the client presented no certificate and one is required"
          : "the server requires a client certificate",
        openSSLErrors: texts
      )
    }
    if reasons.contains(SSL_R_NO_APPLICATION_PROTOCOL) || reasons.contains(SSL_R_TLSV1_ALERT_NO_APPLICATION_PROTOCOL)
      || (role == .server && reasons.contains(SSL_R_CALLBACK_FAILED))
    {
      let ours = context.configuration.applicationProtocols.joined(separator: ", ")
      return TLSError(
        code: .noApplicationProtocol,
        message: "the \(peer) offers none of the ALPN protocols [\(ours)]",
        openSSLErrors: texts
      )
    }
    if reasons.contains(SSL_R_UNSUPPORTED_PROTOCOL) || reasons.contains(SSL_R_TLSV1_ALERT_PROTOCOL_VERSION) {
      return TLSError(
        code: .unsupportedProtocolVersion,
        message: "the \(peer) offers no protocol version from TLS 1.2 up",
        openSSLErrors: texts
      )
    }
    if reasons.contains(SSL_R_HTTP_REQUEST) || reasons.contains(SSL_R_WRONG_VERSION_NUMBER)
      || reasons.contains(SSL_R_UNKNOWN_PROTOCOL) || reasons.contains(SSL_R_PACKET_LENGTH_TOO_LONG)
      || reasons.contains(SSL_R_RECORD_LENGTH_MISMATCH)
    {
      return TLSError(code: .notTLS, message: "the \(peer) does not speak TLS", openSSLErrors: texts)
    }
    let detail = texts.last.map { ": \($0)" } ?? " (OpenSSL error \(sslError))"
    return TLSError(code: .handshakeFailed, message: "the TLS handshake failed\(detail)", openSSLErrors: texts)
  }

  private func connectionError(sslError: Int32) -> TLSError {
    let entries = OpenSSLErrorQueue.drain()
    let texts = entries.map(\.text)
    let reasons = Set(entries.filter { $0.library == ERR_LIB_SSL }.map(\.reason))
    if reasons.contains(SSL_R_TLSV13_ALERT_CERTIFICATE_REQUIRED) {
      return TLSError(
        code: .peerCertificateRequired,
        message: "the server requires a client certificate",
        openSSLErrors: texts
      )
    }
    if reasons.contains(SSL_R_CERTIFICATE_VERIFY_FAILED) || reasons.contains(SSL_R_SSLV3_ALERT_BAD_CERTIFICATE)
      || reasons.contains(SSL_R_TLSV1_ALERT_UNKNOWN_CA) || reasons.contains(SSL_R_SSLV3_ALERT_CERTIFICATE_EXPIRED)
    {
      return TLSError(
        code: .certificateVerificationFailed,
        message: "the peer refused our certificate",
        openSSLErrors: texts
      )
    }
    let detail = texts.last.map { ": \($0)" } ?? " (OpenSSL error \(sslError))"
    return TLSError(code: .protocolError, message: "TLS connection failed\(detail)", openSSLErrors: texts)
  }
}
