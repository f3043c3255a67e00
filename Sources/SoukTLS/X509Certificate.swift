internal import COpenSSL
internal import CSoukOpenSSLShims

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Owns one OpenSSL `X509` and reads the identity it carries.
final class X509Certificate {
  let pointer: OpaquePointer

  /// Takes over one reference to `pointer`.
  init(taking pointer: OpaquePointer) {
    self.pointer = pointer
  }

  /// Adds a reference to `pointer` (for certificates borrowed from an `SSL`).
  init(retaining pointer: OpaquePointer) {
    X509_up_ref(pointer)
    self.pointer = pointer
  }

  deinit {
    X509_free(pointer)
  }

  /// The subject as an RFC 2253 string, "CN=client,O=Souk".
  var subject: String {
    guard let name = X509_get_subject_name(pointer) else { return "" }
    return Self.string(of: name)
  }

  /// The subject alternative names: DNS names and IP addresses (as text).
  var subjectAlternativeNames: (dnsNames: [String], ipAddresses: [String]) {
    var dnsNames: [String] = []
    var ipAddresses: [String] = []
    guard let raw = X509_get_ext_d2i(pointer, NID_subject_alt_name, nil, nil) else { return ([], []) }
    let names = OpaquePointer(raw)
    defer { GENERAL_NAMES_free(names) }
    for index in 0..<OPENSSL_sk_num(names) {
      guard let element = OPENSSL_sk_value(names, index) else { continue }
      let name = element.assumingMemoryBound(to: GENERAL_NAME.self).pointee
      switch name.type {
      case GEN_DNS:
        if let text = Self.bytes(of: name.d.dNSName) { dnsNames.append(String(decoding: text, as: UTF8.self)) }
      case GEN_IPADD:
        if let bytes = Self.bytes(of: name.d.iPAddress), let text = Self.ipAddressText(bytes) {
          ipAddresses.append(text)
        }
      default:
        break
      }
    }
    return (dnsNames, ipAddresses)
  }

  /// The subject and SANs as a public value.
  var identity: TLSPeerIdentity {
    let names = subjectAlternativeNames
    return TLSPeerIdentity(subject: subject, dnsNames: names.dnsNames, ipAddresses: names.ipAddresses)
  }

  /// Whether the certificate is valid now and for at least `margin` more seconds.
  func isCurrentlyValid(marginSeconds: Int) -> Bool {
    guard let notBefore = X509_get0_notBefore(pointer), let notAfter = X509_get0_notAfter(pointer) else {
      return false
    }
    var now = time(nil)
    guard X509_cmp_time(notBefore, &now) < 0 else { return false }
    now += marginSeconds
    return X509_cmp_time(notAfter, &now) > 0
  }

  /// The PEM text of the certificate.
  func pemBytes() -> [UInt8]? {
    guard let bio = BIO_new(BIO_s_mem()) else { return nil }
    defer { BIO_free(bio) }
    guard PEM_write_bio_X509(bio, pointer) == 1 else { return nil }
    return MemoryBIO.readAll(bio)
  }

  private static func string(of name: OpaquePointer) -> String {
    guard let bio = BIO_new(BIO_s_mem()) else { return "" }
    defer { BIO_free(bio) }
    guard X509_NAME_print_ex(bio, name, 0, souk_xn_flag_rfc2253()) >= 0 else { return "" }
    return String(decoding: MemoryBIO.readAll(bio), as: UTF8.self)
  }

  private static func bytes(of string: UnsafeMutablePointer<ASN1_STRING>?) -> [UInt8]? {
    guard let string, let data = ASN1_STRING_get0_data(string) else { return nil }
    return Array(UnsafeBufferPointer(start: data, count: Int(ASN1_STRING_length(string))))
  }

  private static func ipAddressText(_ bytes: [UInt8]) -> String? {
    switch bytes.count {
    case 4:
      return bytes.map(String.init).joined(separator: ".")
    case 16:
      var buffer = [CChar](repeating: 0, count: Int(INET6_ADDRSTRLEN))
      let ok = bytes.withUnsafeBytes { inet_ntop(AF_INET6, $0.baseAddress, &buffer, socklen_t(buffer.count)) }
      guard ok != nil else { return nil }
      return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    default:
      return nil
    }
  }
}
