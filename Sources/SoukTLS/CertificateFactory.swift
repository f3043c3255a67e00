internal import COpenSSL
internal import CSoukOpenSSLShims

/// Creates P-256 keys and X.509 certificates with libcrypto.
enum CertificateFactory {
  /// What a certificate is for.
  enum Purpose {
    case certificateAuthority
    case server
    case client
  }

  /// A new P-256 private key.
  static func makeKey() throws(TLSError) -> PrivateKey {
    OpenSSLErrorQueue.clear()
    guard let key = souk_generate_p256_key() else {
      throw OpenSSLErrorQueue.error(.certificateGenerationFailed, "cannot generate a P-256 key")
    }
    return PrivateKey(taking: key)
  }

  /// A certificate for `key`, signed by `issuer` (self-signed when nil).
  ///
  /// - Parameters:
  ///   - notBeforeOffsetSeconds: start of validity relative to now (negative: in the past).
  ///   - notAfterOffsetSeconds: end of validity relative to now.
  static func makeCertificate(
    commonName: String,
    key: PrivateKey,
    issuer: (certificate: X509Certificate, key: PrivateKey)?,
    purpose: Purpose,
    hostnames: [String] = [],
    ipAddresses: [String] = [],
    notBeforeOffsetSeconds: Int,
    notAfterOffsetSeconds: Int
  ) throws(TLSError) -> X509Certificate {
    OpenSSLErrorQueue.clear()
    guard let raw = X509_new() else {
      throw OpenSSLErrorQueue.error(.certificateGenerationFailed, "cannot allocate a certificate")
    }
    let certificate = X509Certificate(taking: raw)
    func check(_ ok: Bool, _ step: String) throws(TLSError) {
      guard ok else {
        throw OpenSSLErrorQueue.error(
          .certificateGenerationFailed, "cannot create certificate '\(commonName)': \(step)")
      }
    }
    try check(X509_set_version(raw, 2) == 1, "version")  // 2 means X.509 v3
    try check(setRandomSerial(raw), "serial number")
    try check(X509_gmtime_adj(X509_getm_notBefore(raw), notBeforeOffsetSeconds) != nil, "validity")
    try check(X509_gmtime_adj(X509_getm_notAfter(raw), notAfterOffsetSeconds) != nil, "validity")
    try check(X509_set_pubkey(raw, key.pointer) == 1, "public key")
    guard let subject = X509_get_subject_name(raw) else { throw OpenSSLErrorQueue.error(.internalError, "no subject") }
    try check(X509_NAME_add_entry_by_txt(subject, "O", MBSTRING_ASC, "Souk development", -1, -1, 0) == 1, "subject")
    try check(X509_NAME_add_entry_by_txt(subject, "CN", MBSTRING_ASC, commonName, -1, -1, 0) == 1, "subject")
    let issuerName = issuer.map { X509_get_subject_name($0.certificate.pointer) } ?? subject
    try check(X509_set_issuer_name(raw, issuerName) == 1, "issuer")

    var extensions: [(Int32, String)] = []
    switch purpose {
    case .certificateAuthority:
      extensions = [
        (NID_basic_constraints, "critical,CA:TRUE,pathlen:0"),
        (NID_key_usage, "critical,keyCertSign,cRLSign"),
        (NID_subject_key_identifier, "hash"),
      ]
    case .server, .client:
      let names = hostnames.map { "DNS:\($0)" } + ipAddresses.map { "IP:\($0)" }
      extensions = [
        (NID_basic_constraints, "critical,CA:FALSE"),
        (NID_key_usage, "critical,digitalSignature"),
        (NID_ext_key_usage, purpose == .server ? "serverAuth" : "clientAuth"),
        (NID_subject_key_identifier, "hash"),
        (NID_authority_key_identifier, "keyid:always"),
      ]
      if !names.isEmpty {
        extensions.append((NID_subject_alt_name, names.joined(separator: ",")))
      }
    }
    var context = X509V3_CTX()
    X509V3_set_ctx(&context, issuer?.certificate.pointer ?? raw, raw, nil, nil, 0)
    for (nid, value) in extensions {
      guard let ext = X509V3_EXT_conf_nid(nil, &context, nid, value) else {
        throw OpenSSLErrorQueue.error(
          .certificateGenerationFailed,
          "cannot create certificate '\(commonName)': invalid extension '\(value)'"
        )
      }
      defer { X509_EXTENSION_free(ext) }
      try check(X509_add_ext(raw, ext, -1) == 1, "extension")
    }
    let signingKey = issuer?.key.pointer ?? key.pointer
    try check(X509_sign(raw, signingKey, EVP_sha256()) > 0, "signature")
    return certificate
  }

  private static func setRandomSerial(_ certificate: OpaquePointer) -> Bool {
    guard let number = BN_new() else { return false }
    defer { BN_free(number) }
    // 127 random bits: positive and well under the 20-byte limit of RFC 5280.
    guard BN_rand(number, 127, BN_RAND_TOP_ANY, BN_RAND_BOTTOM_ANY) == 1 else { return false }
    return BN_to_ASN1_INTEGER(number, X509_get_serialNumber(certificate)) != nil
  }
}
