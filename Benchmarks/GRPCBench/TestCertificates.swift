import Foundation

/// A P-256 CA and a server certificate for `localhost` and `127.0.0.1` signed by it, made with the `openssl`
/// command-line tool in a folder of their own at start-up (nothing is committed, nothing is reused).
struct TestCertificates: Sendable {
  struct Failure: Error, CustomStringConvertible {
    var description: String
  }

  /// The folder holding the files.
  var folder: String
  /// The CA certificate (PEM), the client's only trust root.
  var caCertificatePath: String { folder + "/ca.pem" }
  /// The server's certificate (PEM), sent alone (the CA is not part of the chain).
  var serverCertificatePath: String { folder + "/server.pem" }
  /// The server's P-256 private key (PEM, PKCS#8).
  var serverKeyPath: String { folder + "/server.key" }

  /// Certificates already in `folder` (the server child process is handed the parent's folder).
  init(folder: String) {
    self.folder = folder
  }

  /// Makes a new CA and server certificate in a new temporary folder.
  static func make() throws -> TestCertificates {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("grpcbench-\(getpid())").path
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    let certificates = TestCertificates(folder: folder)
    let extensions = """
      subjectAltName = DNS:localhost, IP:127.0.0.1
      basicConstraints = critical, CA:FALSE
      keyUsage = critical, digitalSignature
      extendedKeyUsage = serverAuth
      """
    try extensions.write(toFile: folder + "/server.ext", atomically: true, encoding: .utf8)
    let p256 = ["-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256"]
    try run(["genpkey"] + p256 + ["-out", folder + "/ca.key"])
    try run([
      "req", "-x509", "-new", "-key", folder + "/ca.key", "-sha256", "-days", "2", "-subj", "/CN=GRPCBench test CA",
      "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign",
      "-out", certificates.caCertificatePath,
    ])
    try run(["genpkey"] + p256 + ["-out", certificates.serverKeyPath])
    try run([
      "req", "-new", "-key", certificates.serverKeyPath, "-subj", "/CN=localhost", "-out", folder + "/server.csr",
    ])
    try run([
      "x509", "-req", "-in", folder + "/server.csr", "-CA", certificates.caCertificatePath, "-CAkey",
      folder + "/ca.key", "-CAcreateserial", "-days", "2", "-sha256", "-extfile", folder + "/server.ext",
      "-out", certificates.serverCertificatePath,
    ])
    return certificates
  }

  /// Deletes the folder.
  func remove() {
    try? FileManager.default.removeItem(atPath: folder)
  }

  private static func run(_ arguments: [String]) throws {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["openssl"] + arguments
    let output = Pipe()
    process.standardOutput = output
    process.standardError = output
    try process.run()
    let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    guard process.terminationStatus == 0 else {
      throw Failure(description: "openssl \(arguments.joined(separator: " ")) failed:\n\(text)")
    }
  }
}
