// Measures SoukTLS on loopback next to `openssl s_server`/`s_client`/`s_time` run on the same machine,
// in the same run, as the ceiling. See Benchmarks/README.md.
import Foundation
import NIOCore
import NIOPosix
import SoukTLS

/// Prints a line at once (stdout is block-buffered when redirected).
func report(_ line: String) {
  FileHandle.standardOutput.write(Data((line + "\n").utf8))
}

let arguments = CommandLine.arguments
func option(_ name: String, default value: Int) -> Int {
  guard let index = arguments.firstIndex(of: name), index + 1 < arguments.count else { return value }
  return Int(arguments[index + 1]) ?? value
}
let transferMiB = option("--mib", default: 512)
let handshakeSeconds = option("--seconds", default: 10)
let repetitions = option("--repetitions", default: 3)

let folder = FileManager.default.temporaryDirectory.appendingPathComponent("souk-tls-bench-\(getpid())").path
let certificates = try DevelopmentCertificates.prepare(in: folder)
let serverContext = try TLSContext(
  configuration: .server(
    certificateChainPath: certificates.certificateChainPath,
    privateKeyPath: certificates.privateKeyPath
  )
)
let clientContext = try TLSContext(
  configuration: .client(
    trustRoots: .pemFile(certificates.caCertificatePath),
    serverName: "localhost",
    resumesSessions: false
  )
)
// s_time does not check the chain (only the handshake signature): the same work, for a like-for-like row.
let unverifiedClientContext = try TLSContext(
  configuration: .client(
    trustRoots: .pemFile(certificates.caCertificatePath),
    serverName: "localhost",
    verification: .none,
    resumesSessions: false
  )
)
// One thread per side, as s_server and s_client are one process each.
let serverGroup = MultiThreadedEventLoopGroup(numberOfThreads: 1)
let clientGroup = MultiThreadedEventLoopGroup(numberOfThreads: 1)

let server = try await BenchmarkServer.start(group: serverGroup, context: serverContext)
report("SoukTLS TLS benchmark: OpenSSL \(OpenSSLVersion.text), P-256 certificates")
report("transfer \(transferMiB) MiB client -> server, handshakes for \(handshakeSeconds) s, best of \(repetitions)")
report("")

var soukThroughput: [Double] = []
var opensslThroughput: [Double] = []
var soukHandshakes: [Double] = []
var soukUnverifiedHandshakes: [Double] = []
var opensslHandshakes: [Double] = []
for _ in 0..<repetitions {
  soukThroughput.append(
    try await Measurements.soukThroughput(
      server: server, group: clientGroup, context: clientContext, mebibytes: transferMiB))
  opensslThroughput.append(try await Measurements.opensslThroughput(certificates: certificates, mebibytes: transferMiB))
  soukHandshakes.append(
    try await Measurements.soukHandshakes(
      server: server, group: clientGroup, context: clientContext, seconds: handshakeSeconds))
  soukUnverifiedHandshakes.append(
    try await Measurements.soukHandshakes(
      server: server, group: clientGroup, context: unverifiedClientContext, seconds: handshakeSeconds))
  opensslHandshakes.append(
    try await Measurements.opensslHandshakes(certificates: certificates, seconds: handshakeSeconds))
}

func row(_ name: String, _ souk: [Double], _ openssl: [Double], unit: String) {
  let bestSouk = souk.max() ?? 0
  let bestOpenSSL = openssl.max() ?? 0
  let ratio = bestOpenSSL > 0 ? bestSouk / bestOpenSSL * 100 : 0
  report(
    "\(name): SoukTLS \(String(format: "%.0f", bestSouk)) \(unit), OpenSSL tools \(String(format: "%.0f", bestOpenSSL)) \(unit), SoukTLS at \(String(format: "%.0f", ratio))% "
      + "(runs: SoukTLS \(souk.map { String(format: "%.0f", $0) }.joined(separator: ", ")); "
      + "OpenSSL \(openssl.map { String(format: "%.0f", $0) }.joined(separator: ", ")))"
  )
}
row("bulk throughput", soukThroughput, opensslThroughput, unit: "MiB/s")
row("new handshakes, chain not verified (as s_time)", soukUnverifiedHandshakes, opensslHandshakes, unit: "handshakes/s")
row("new handshakes, chain and name verified (Souk's default)", soukHandshakes, opensslHandshakes, unit: "handshakes/s")

try await server.close()
try await serverGroup.shutdownGracefully()
try await clientGroup.shutdownGracefully()
try? FileManager.default.removeItem(atPath: folder)
