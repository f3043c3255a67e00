import Foundation
import SoukTestSupport
import Testing

@testable import SoukTLS

@Suite("Development certificates")
struct DevelopmentCertificatesTests {
  @Test func createsACAAndAServerCertificateWithPrivateKeys() async throws {
    let folder = try TemporaryDirectory.make(prefix: "souk-devcerts") + "/certs"
    let certificates = try DevelopmentCertificates.prepare(
      in: folder,
      hostnames: ["localhost", "souk.test"],
      ipAddresses: ["127.0.0.1", "::1"]
    )
    for path in [certificates.caPrivateKeyPath, certificates.privateKeyPath] {
      let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
      #expect(mode == 0o600, "\(path)")
    }
    let server = try #require(try PEMFile.certificates(certificates.certificateChainPath, what: "test").first)
    #expect(server.identity.dnsNames == ["localhost", "souk.test"])
    #expect(server.identity.ipAddresses == ["127.0.0.1", "::1"])
    #expect(server.isCurrentlyValid(marginSeconds: 300 * 86_400))
    // The pair is usable as it is: a server context accepts it.
    _ = try TLSContext(
      configuration: .server(
        certificateChainPath: certificates.certificateChainPath,
        privateKeyPath: certificates.privateKeyPath
      )
    )
    // openssl agrees that the CA signed the server certificate.
    let verify = try ExternalProcess(
      "openssl",
      ["verify", "-CAfile", certificates.caCertificatePath, certificates.certificateChainPath]
    )
    let output = try String(contentsOfFile: certificates.certificateChainPath, encoding: .utf8)
    #expect(output.hasPrefix("-----BEGIN CERTIFICATE-----"))
    try await verify.waitForOutput(containing: ": OK")
    #expect(try await verify.waitForExit() == 0)
  }

  @Test func reusesValidFilesAndReplacesStaleOnes() throws {
    let folder = try TemporaryDirectory.make(prefix: "souk-devcerts")
    let first = try DevelopmentCertificates.prepare(in: folder)
    let ca = try Data(contentsOf: URL(fileURLWithPath: first.caCertificatePath))
    let server = try Data(contentsOf: URL(fileURLWithPath: first.certificateChainPath))

    _ = try DevelopmentCertificates.prepare(in: folder)
    #expect(try Data(contentsOf: URL(fileURLWithPath: first.caCertificatePath)) == ca)
    #expect(try Data(contentsOf: URL(fileURLWithPath: first.certificateChainPath)) == server)

    // A new host name needs a new server certificate from the same CA.
    _ = try DevelopmentCertificates.prepare(in: folder, hostnames: ["localhost", "other.test"])
    #expect(try Data(contentsOf: URL(fileURLWithPath: first.caCertificatePath)) == ca)
    #expect(try Data(contentsOf: URL(fileURLWithPath: first.certificateChainPath)) != server)

    // A broken CA key replaces everything.
    try Data("broken".utf8).write(to: URL(fileURLWithPath: first.caPrivateKeyPath))
    _ = try DevelopmentCertificates.prepare(in: folder)
    #expect(try Data(contentsOf: URL(fileURLWithPath: first.caCertificatePath)) != ca)
  }
}
