internal import COpenSSL

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Reads PEM files with errors that name the file and say what is wrong with it.
enum PEMFile {
  /// The bytes of the file at `path`; `what` names its role in error messages ("certificate chain").
  static func read(_ path: String, what: String) throws(TLSError) -> [UInt8] {
    let descriptor = open(path, O_RDONLY | O_CLOEXEC)
    if descriptor < 0 {
      let reason = errno
      let code: TLSError.Code = reason == ENOENT || reason == ENOTDIR ? .fileNotFound : .fileUnreadable
      throw TLSError(code: code, message: "cannot open \(what) file '\(path)': \(describe(errno: reason))")
    }
    defer { close(descriptor) }
    var bytes: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 16_384)
    while true {
      let count = chunk.withUnsafeMutableBytes { systemRead(descriptor, $0.baseAddress, $0.count) }
      if count < 0 {
        if errno == EINTR { continue }
        throw TLSError(
          code: .fileUnreadable,
          message: "cannot read \(what) file '\(path)': \(describe(errno: errno))"
        )
      }
      if count == 0 { break }
      bytes.append(contentsOf: chunk[0..<count])
    }
    return bytes
  }

  /// Every certificate in the PEM file at `path`, in file order; at least one.
  static func certificates(_ path: String, what: String) throws(TLSError) -> [X509Certificate] {
    let bytes = try read(path, what: what)
    OpenSSLErrorQueue.clear()
    var certificates: [X509Certificate] = []
    let parsed: Bool = bytes.withUnsafeBytes { raw in
      guard let bio = BIO_new_mem_buf(raw.baseAddress, Int32(raw.count)) else { return false }
      defer { BIO_free(bio) }
      while let certificate = PEM_read_bio_X509(bio, nil, nil, nil) {
        certificates.append(X509Certificate(taking: certificate))
      }
      return true
    }
    // Reading stops with a "no start line" error at the end of the file; anything else is a real error.
    let errors = OpenSSLErrorQueue.drain().filter { $0.reason != PEM_R_NO_START_LINE }
    guard parsed, !certificates.isEmpty, errors.isEmpty else {
      throw TLSError(
        code: .invalidCertificate,
        message: "\(what) file '\(path)' holds no valid PEM certificate",
        openSSLErrors: errors.map(\.text)
      )
    }
    return certificates
  }

  /// The private key in the PEM file at `path`.
  static func privateKey(_ path: String) throws(TLSError) -> PrivateKey {
    let bytes = try read(path, what: "private key")
    OpenSSLErrorQueue.clear()
    let key: OpaquePointer? = bytes.withUnsafeBytes { raw in
      guard let bio = BIO_new_mem_buf(raw.baseAddress, Int32(raw.count)) else { return nil }
      defer { BIO_free(bio) }
      return PEM_read_bio_PrivateKey(bio, nil, nil, nil)
    }
    guard let key else {
      throw OpenSSLErrorQueue.error(.invalidPrivateKey, "private key file '\(path)' holds no valid PEM private key")
    }
    return PrivateKey(taking: key)
  }

  private static func systemRead(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
    #if canImport(Glibc)
      Glibc.read(descriptor, buffer, count)
    #else
      Darwin.read(descriptor, buffer, count)
    #endif
  }

  static func describe(errno value: Int32) -> String {
    guard let text = strerror(value) else { return "error \(value)" }
    return String(cString: text)
  }
}
