import NIOCore
import SoukTestSupport

@testable import SoukTLS

/// Certificates for the tests, made once per test run with ``DevelopmentCertificates``.
struct TestCertificates: Sendable {
  /// The trusted CA and a server certificate for localhost, 127.0.0.1 and ::1.
  let trusted: DevelopmentCertificates
  /// A client certificate from the trusted CA, subject CN=shop-42.
  let client: DevelopmentCertificates.IssuedCertificate
  /// A server certificate from the trusted CA that expired yesterday.
  let expiredServer: DevelopmentCertificates.IssuedCertificate
  /// A second CA nobody trusts, with its own localhost server certificate.
  let untrusted: DevelopmentCertificates

  /// The shared set, created on first use in a fresh temporary folder.
  static let shared: TestCertificates = {
    do {
      return try TestCertificates()
    } catch {
      fatalError("cannot create the test certificates: \(error)")
    }
  }()

  private init() throws {
    let root = try TemporaryDirectory.make(prefix: "souk-tls-tests")
    trusted = try DevelopmentCertificates.prepare(in: root + "/trusted")
    client = try trusted.issueClientCertificate(commonName: "shop-42", fileName: "client")
    expiredServer = try trusted.issueCertificate(
      fileName: "expired",
      commonName: "localhost",
      purpose: .server,
      hostnames: ["localhost"],
      ipAddresses: ["127.0.0.1"],
      notBeforeOffsetSeconds: -3 * 86_400,
      notAfterOffsetSeconds: -86_400
    )
    untrusted = try DevelopmentCertificates.prepare(in: root + "/untrusted")
  }

  /// A server configuration presenting the trusted localhost certificate.
  func serverConfiguration(
    clientCertificates: TLSConfiguration.ClientCertificatePolicy = .none,
    handshakeTimeout: TimeAmount = TLSConfiguration.defaultHandshakeTimeout
  ) -> TLSConfiguration {
    .server(
      certificateChainPath: trusted.certificateChainPath,
      privateKeyPath: trusted.privateKeyPath,
      clientCertificatePolicy: clientCertificates,
      clientCATrustRoots: clientCertificates == .none ? nil : .pemFile(trusted.caCertificatePath),
      handshakeTimeout: handshakeTimeout
    )
  }

  /// A client configuration trusting the trusted CA, verifying "localhost".
  func clientConfiguration(withClientCertificate: Bool = false, serverName: String = "localhost") -> TLSConfiguration {
    .client(
      trustRoots: .pemFile(trusted.caCertificatePath),
      certificateChainPath: withClientCertificate ? client.certificatePath : nil,
      privateKeyPath: withClientCertificate ? client.privateKeyPath : nil,
      serverName: serverName
    )
  }
}
