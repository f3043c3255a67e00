import Foundation
import SoukTestSupport
import Testing

@testable import SoukTLS

@Suite("TLS contexts")
struct TLSContextTests {
  let certificates = TestCertificates.shared

  private func serverError(chain: String, key: String) -> TLSError? {
    do {
      _ = try TLSContext(configuration: .server(certificateChainPath: chain, privateKeyPath: key))
      return nil
    } catch {
      return error
    }
  }

  @Test func buildsServerAndClientContexts() throws {
    _ = try TLSContext(configuration: certificates.serverConfiguration())
    _ = try TLSContext(configuration: certificates.serverConfiguration(clientCertificates: .required))
    _ = try TLSContext(configuration: certificates.clientConfiguration(withClientCertificate: true))
    _ = try TLSContext(configuration: .client(trustRoots: .system, serverName: "example.com"))
  }

  @Test func missingCertificateFileIsNamed() {
    let error = serverError(chain: "/nonexistent/server.pem", key: certificates.trusted.privateKeyPath)
    #expect(error?.code == .fileNotFound)
    #expect(error?.message.contains("/nonexistent/server.pem") == true)
    #expect(error?.message.contains("certificate chain") == true)
  }

  @Test func missingKeyFileIsNamed() {
    let error = serverError(chain: certificates.trusted.certificateChainPath, key: "/nonexistent/key.pem")
    #expect(error?.code == .fileNotFound)
    #expect(error?.message.contains("/nonexistent/key.pem") == true)
  }

  @Test func unreadableFileIsNamed() throws {
    // A folder exists but cannot be read as a file (permissions do not stop root, a folder does).
    let folder = try TemporaryDirectory.make(prefix: "souk-unreadable")
    let error = serverError(chain: folder, key: certificates.trusted.privateKeyPath)
    #expect(error?.code == .fileUnreadable)
    #expect(error?.message.contains(folder) == true)
  }

  @Test func invalidPEMIsNamed() throws {
    let folder = try TemporaryDirectory.make(prefix: "souk-invalid")
    let path = folder + "/garbage.pem"
    try Data("not a certificate\n".utf8).write(to: URL(fileURLWithPath: path))
    let certificateError = serverError(chain: path, key: certificates.trusted.privateKeyPath)
    #expect(certificateError?.code == .invalidCertificate)
    #expect(certificateError?.message.contains(path) == true)
    let keyError = serverError(chain: certificates.trusted.certificateChainPath, key: path)
    #expect(keyError?.code == .invalidPrivateKey)
    #expect(keyError?.message.contains(path) == true)
  }

  @Test func keyThatDoesNotMatchTheCertificateIsRefused() {
    let error = serverError(chain: certificates.trusted.certificateChainPath, key: certificates.client.privateKeyPath)
    #expect(error?.code == .privateKeyMismatch)
    #expect(error?.message.contains(certificates.client.privateKeyPath) == true)
    #expect(error?.message.contains(certificates.trusted.certificateChainPath) == true)
    #expect(error?.openSSLErrors.isEmpty == false)
  }

  @Test func contradictoryConfigurationsAreRefused() {
    #expect(throws: TLSError.self) {
      _ = try TLSContext(configuration: .client(trustRoots: .system, applicationProtocols: []))
    }
    #expect(throws: TLSError.self) {
      _ = try TLSContext(
        configuration: .server(
          certificateChainPath: certificates.trusted.certificateChainPath,
          privateKeyPath: certificates.trusted.privateKeyPath,
          clientCertificatePolicy: .required
        )
      )
    }
  }

  @Test func verifyingClientNeedsAServerName() throws {
    let context = try TLSContext(configuration: .client(trustRoots: .pemFile(certificates.trusted.caCertificatePath)))
    do {
      _ = try TLSHandler(context: context)
      Issue.record("a verifying client without a server name must be refused")
    } catch {
      #expect(error.code == .invalidConfiguration)
    }
    _ = try TLSHandler(context: context, serverName: "127.0.0.1")
  }

  @Test func alpnWireFormatPrefixesLengths() {
    #expect(TLSContext.alpnWireFormat(["souk/1", "h2"]) == [6] + Array("souk/1".utf8) + [2] + Array("h2".utf8))
  }
}
