import Testing

@testable import SoukTLS

/// Python's `ssl` module (another OpenSSL user with its own defaults) against our server.
@Suite("Python ssl against our server")
struct PythonSSLInteropTests {
  let certificates = TestCertificates.shared

  private static let script = """
    import socket, ssl, sys
    port, ca = int(sys.argv[1]), sys.argv[2]
    context = ssl.create_default_context(cafile=ca)
    context.set_alpn_protocols(["souk/1"])
    if len(sys.argv) > 4:
        context.load_cert_chain(sys.argv[3], sys.argv[4])
    with socket.create_connection(("127.0.0.1", port)) as raw:
        with context.wrap_socket(raw, server_hostname="localhost") as tls:
            message = b"salam from python " * 1000
            tls.sendall(message)
            echoed = b""
            while len(echoed) < len(message):
                chunk = tls.recv(65536)
                if not chunk:
                    break
                echoed += chunk
            print("ALPN", tls.selected_alpn_protocol(), tls.version(), "ECHO", echoed == message, flush=True)
            tls.unwrap()
            print("UNWRAPPED", flush=True)
    """

  @Test(arguments: [false, true])
  func pythonCompletesAHandshakeAndAnEcho(withClientCertificate: Bool) async throws {
    let configuration = certificates.serverConfiguration(clientCertificates: withClientCertificate ? .required : .none)
    let server = try await TLSTestServer(context: TLSContext(configuration: configuration))
    defer { Task { try? await server.close() } }
    var arguments = ["-c", Self.script, "\(server.port)", certificates.trusted.caCertificatePath]
    if withClientCertificate {
      arguments += [certificates.client.certificatePath, certificates.client.privateKeyPath]
    }
    let python = try ExternalProcess("python3", arguments)
    let output = try await python.waitForOutput(containing: "UNWRAPPED")
    #expect(output.contains("ALPN souk/1 TLSv1.3 ECHO True"), "\(output)")
    #expect(try await python.waitForExit() == 0)
    let outcome = try await server.nextClosedConnection()
    #expect(outcome.errors.isEmpty, "\(outcome.errors)")
    #expect(outcome.info?.peerIdentity?.subject == (withClientCertificate ? "CN=shop-42,O=Souk development" : nil))
  }
}
