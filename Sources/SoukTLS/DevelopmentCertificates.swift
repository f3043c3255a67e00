internal import COpenSSL

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A private certificate authority and a server certificate for running Souk on a fresh machine.
///
/// ``prepare(in:hostnames:ipAddresses:)`` creates, in one folder, a CA (`ca.pem`, `ca-key.pem`) and a
/// server certificate it signed (`server.pem`, `server-key.pem`) for the given host names and IP
/// addresses, all P-256. Private-key files are readable by their owner only (mode 0600). Existing files
/// are reused when they are still valid for at least a day, match their keys and cover the names;
/// otherwise what is stale is created again. Clients trust the servers by trusting `ca.pem`.
public struct DevelopmentCertificates: Sendable, Hashable {
  /// A certificate and its private key on disk.
  public struct IssuedCertificate: Sendable, Hashable {
    /// The PEM certificate file.
    public var certificatePath: String
    /// The PEM private-key file (mode 0600).
    public var privateKeyPath: String
  }

  /// The folder holding the files.
  public let directory: String

  /// The CA certificate: the trust root clients use.
  public var caCertificatePath: String { directory + "/ca.pem" }
  /// The CA's private key.
  public var caPrivateKeyPath: String { directory + "/ca-key.pem" }
  /// The server certificate (the chain a server presents).
  public var certificateChainPath: String { directory + "/server.pem" }
  /// The server certificate's private key.
  public var privateKeyPath: String { directory + "/server-key.pem" }

  /// Days a new CA certificate is valid.
  public static let caValidityDays = 3 * 365
  /// Days a new server or client certificate is valid.
  public static let leafValidityDays = 397
  private static let secondsPerDay = 86_400
  /// Files that expire within this margin are replaced.
  private static let renewalMarginSeconds = 86_400

  /// Creates (or reuses) the CA and server certificate in `directory`, creating the folder if needed.
  ///
  /// - Parameters:
  ///   - hostnames: DNS names the server certificate covers.
  ///   - ipAddresses: IP addresses (text, IPv4 or IPv6) the server certificate covers.
  /// - Throws: ``TLSError`` when the folder or a file cannot be written, or OpenSSL fails.
  public static func prepare(
    in directory: String,
    hostnames: [String] = ["localhost"],
    ipAddresses: [String] = ["127.0.0.1", "::1"]
  ) throws(TLSError) -> DevelopmentCertificates {
    let certificates = DevelopmentCertificates(directory: directory)
    try certificates.createDirectory()
    let authority: (certificate: X509Certificate, key: PrivateKey)
    var authorityIsNew = false
    if let existing = certificates.loadValidAuthority() {
      authority = existing
    } else {
      let key = try CertificateFactory.makeKey()
      let certificate = try CertificateFactory.makeCertificate(
        commonName: "Souk development CA",
        key: key,
        issuer: nil,
        purpose: .certificateAuthority,
        notBeforeOffsetSeconds: -3600,
        notAfterOffsetSeconds: caValidityDays * secondsPerDay
      )
      try write(key, to: certificates.caPrivateKeyPath)
      try write(certificate, to: certificates.caCertificatePath)
      authority = (certificate, key)
      authorityIsNew = true
    }
    if authorityIsNew
      || !certificates.serverIsValid(authority: authority, hostnames: hostnames, ipAddresses: ipAddresses)
    {
      _ = try certificates.issue(
        fileName: "server",
        commonName: hostnames.first ?? ipAddresses.first ?? "souk",
        authority: authority,
        purpose: .server,
        hostnames: hostnames,
        ipAddresses: ipAddresses
      )
    }
    return certificates
  }

  /// Issues a client certificate from this CA, for mutual TLS in development.
  ///
  /// Writes `<fileName>.pem` and `<fileName>-key.pem` (mode 0600) into ``directory``.
  /// - Throws: ``TLSError`` when the CA cannot be read or a file cannot be written.
  public func issueClientCertificate(commonName: String, fileName: String) throws(TLSError) -> IssuedCertificate {
    try issueCertificate(fileName: fileName, commonName: commonName, purpose: .client)
  }

  /// Issues a certificate from this CA with any validity (tests use it for expired certificates).
  package func issueCertificate(
    fileName: String,
    commonName: String,
    purpose: CertificatePurpose,
    hostnames: [String] = [],
    ipAddresses: [String] = [],
    notBeforeOffsetSeconds: Int = -3600,
    notAfterOffsetSeconds: Int = leafValidityDays * 86_400
  ) throws(TLSError) -> IssuedCertificate {
    let certificate = try PEMFile.certificates(caCertificatePath, what: "CA certificate")[0]
    let key = try PEMFile.privateKey(caPrivateKeyPath)
    return try issue(
      fileName: fileName,
      commonName: commonName,
      authority: (certificate, key),
      purpose: purpose == .server ? .server : .client,
      hostnames: hostnames,
      ipAddresses: ipAddresses,
      notBeforeOffsetSeconds: notBeforeOffsetSeconds,
      notAfterOffsetSeconds: notAfterOffsetSeconds
    )
  }

  /// Whether an issued certificate authenticates a server or a client.
  package enum CertificatePurpose: Sendable {
    case server
    case client
  }

  private func issue(
    fileName: String,
    commonName: String,
    authority: (certificate: X509Certificate, key: PrivateKey),
    purpose: CertificateFactory.Purpose,
    hostnames: [String] = [],
    ipAddresses: [String] = [],
    notBeforeOffsetSeconds: Int = -3600,
    notAfterOffsetSeconds: Int = leafValidityDays * 86_400
  ) throws(TLSError) -> IssuedCertificate {
    let key = try CertificateFactory.makeKey()
    let certificate = try CertificateFactory.makeCertificate(
      commonName: commonName,
      key: key,
      issuer: authority,
      purpose: purpose,
      hostnames: hostnames,
      ipAddresses: ipAddresses,
      notBeforeOffsetSeconds: notBeforeOffsetSeconds,
      notAfterOffsetSeconds: notAfterOffsetSeconds
    )
    let issued = IssuedCertificate(
      certificatePath: directory + "/\(fileName).pem",
      privateKeyPath: directory + "/\(fileName)-key.pem"
    )
    try Self.write(key, to: issued.privateKeyPath)
    try Self.write(certificate, to: issued.certificatePath)
    return issued
  }

  private func loadValidAuthority() -> (certificate: X509Certificate, key: PrivateKey)? {
    guard let certificate = try? PEMFile.certificates(caCertificatePath, what: "CA certificate").first,
      let key = try? PEMFile.privateKey(caPrivateKeyPath),
      certificate.isCurrentlyValid(marginSeconds: Self.renewalMarginSeconds),
      X509_check_private_key(certificate.pointer, key.pointer) == 1
    else {
      OpenSSLErrorQueue.clear()
      return nil
    }
    return (certificate, key)
  }

  private func serverIsValid(
    authority: (certificate: X509Certificate, key: PrivateKey),
    hostnames: [String],
    ipAddresses: [String]
  ) -> Bool {
    defer { OpenSSLErrorQueue.clear() }
    guard let certificate = try? PEMFile.certificates(certificateChainPath, what: "certificate").first,
      let key = try? PEMFile.privateKey(privateKeyPath),
      certificate.isCurrentlyValid(marginSeconds: Self.renewalMarginSeconds),
      X509_check_private_key(certificate.pointer, key.pointer) == 1,
      X509_verify(certificate.pointer, authority.key.pointer) == 1
    else { return false }
    let coversHosts = hostnames.allSatisfy { X509_check_host(certificate.pointer, $0, $0.utf8.count, 0, nil) == 1 }
    let coversIPs = ipAddresses.allSatisfy { X509_check_ip_asc(certificate.pointer, $0, 0) == 1 }
    return coversHosts && coversIPs
  }

  private func createDirectory() throws(TLSError) {
    if mkdir(directory, 0o755) != 0, errno != EEXIST {
      throw TLSError(
        code: .fileUnreadable,
        message: "cannot create folder '\(directory)': \(PEMFile.describe(errno: errno))"
      )
    }
  }

  private static func write(_ key: PrivateKey, to path: String) throws(TLSError) {
    guard let bytes = key.pemBytes() else {
      throw OpenSSLErrorQueue.error(.certificateGenerationFailed, "cannot encode the private key for '\(path)'")
    }
    try writeFile(bytes, to: path, mode: 0o600)
  }

  private static func write(_ certificate: X509Certificate, to path: String) throws(TLSError) {
    guard let bytes = certificate.pemBytes() else {
      throw OpenSSLErrorQueue.error(.certificateGenerationFailed, "cannot encode the certificate for '\(path)'")
    }
    try writeFile(bytes, to: path, mode: 0o644)
  }

  /// Writes through a new temporary file created with `mode` and renamed over `path`, so a key is never
  /// readable by others, not even for a moment, and readers never see half a file.
  private static func writeFile(_ bytes: [UInt8], to path: String, mode: mode_t) throws(TLSError) {
    let temporary = path + ".tmp-\(getpid())"
    func failure(_ what: String) -> TLSError {
      TLSError(code: .fileUnreadable, message: "cannot \(what) '\(path)': \(PEMFile.describe(errno: errno))")
    }
    unlink(temporary)
    let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
    guard descriptor >= 0 else { throw failure("create") }
    var offset = 0
    while offset < bytes.count {
      let written = bytes[offset...].withUnsafeBytes { Self.systemWrite(descriptor, $0.baseAddress, $0.count) }
      if written < 0 {
        if errno == EINTR { continue }
        let error = failure("write")
        close(descriptor)
        unlink(temporary)
        throw error
      }
      offset += written
    }
    // The umask may have narrowed the mode; make it exact.
    guard fchmod(descriptor, mode) == 0, fsync(descriptor) == 0 else {
      let error = failure("write")
      close(descriptor)
      unlink(temporary)
      throw error
    }
    close(descriptor)
    guard rename(temporary, path) == 0 else {
      let error = failure("replace")
      unlink(temporary)
      throw error
    }
  }

  private static func systemWrite(_ descriptor: Int32, _ buffer: UnsafeRawPointer?, _ count: Int) -> Int {
    #if canImport(Glibc)
      Glibc.write(descriptor, buffer, count)
    #else
      Darwin.write(descriptor, buffer, count)
    #endif
  }
}
