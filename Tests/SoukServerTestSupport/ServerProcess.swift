package import Foundation
import SoukServer
import SoukTestSupport
import Synchronization

/// `souk serve` as a child process: the real executable, started on port 0, its banner read from its standard
/// output.
package final class ServerProcess: Sendable {
  /// The child process.
  package let process: Process
  /// The port it listens on.
  package let port: Int
  /// The banner's lines, as printed.
  package var banner: [String] { self.reading.lines }
  /// The banner, read.
  private let reading: Banner

  private init(process: Process, reading: Banner) {
    self.process = process
    self.port = reading.port
    self.reading = reading
  }

  /// Starts `souk serve --address 127.0.0.1:0 --data <dataDirectory>` plus `arguments`, and waits for its banner.
  package static func start(dataDirectory: String, arguments: [String] = []) async throws -> ServerProcess {
    let process = Process()
    process.executableURL = try ToolProcess.executable("souk")
    process.arguments =
      ["serve", "--address", "127.0.0.1:0", "--data", dataDirectory, "--log-level", "error"]
      + arguments
    let output = Pipe()
    process.standardOutput = output
    process.standardError = FileHandle.nullDevice
    let banner = BannerReader()
    output.fileHandleForReading.readabilityHandler = { handle in banner.append(handle.availableData) }
    try process.run()
    let lines = try await withTimeout(.seconds(60), "the server's banner") { try await banner.lines() }
    guard let reading = Banner(lines: lines) else {
      process.terminate()
      throw TestFailure("no address in the banner: \(lines)")
    }
    return ServerProcess(process: process, reading: reading)
  }

  /// The admin key the banner shows; nil when it was shown at an earlier start.
  package var adminKey: String? { self.reading.adminKey }

  /// The demo key the banner shows for the account whose label starts with `label`, if any.
  package func demoKey(for label: String) -> String? { self.reading.demoKey(for: label) }

  /// Sends `signal` and waits for the process to exit; returns its termination status.
  @discardableResult
  package func stop(with signal: Int32) async throws -> Int32 {
    kill(self.process.processIdentifier, signal)
    let process = self.process
    return try await withTimeout(.seconds(60), "the server's exit") {
      await withCheckedContinuation { continuation in
        DispatchQueue.global().async {
          process.waitUntilExit()
          continuation.resume(returning: process.terminationStatus)
        }
      }
    }
  }
}
