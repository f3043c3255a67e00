import Foundation

/// The benchmark server in a child process of this same binary (`souk-bench serve`), so that its CPU time is its
/// own: read as utime + stime from `/proc/PID/stat` (Linux) around each workload. The child prints its port on
/// its first line of output and exits when its standard input ends, so it never outlives this process.
final class ServerProcess: Sendable {
  /// The child could not be started or observed.
  struct Failure: Error, CustomStringConvertible {
    var description: String
  }

  /// The TLS port the server listens on, on 127.0.0.1.
  let port: Int
  /// The child's process ID, for reading its `/proc` entries.
  var processIdentifier: Int32 { process.processIdentifier }
  private let process: Process
  private let input: Pipe

  /// Starts `souk-bench serve` and waits until it listens.
  init(certificateFolder: String, threads: Int) throws {
    let executable = try FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = ["serve", "--cert-dir", certificateFolder, "--threads", String(threads)]
    let output = Pipe()
    let input = Pipe()
    process.standardOutput = output
    process.standardInput = input
    try process.run()
    self.process = process
    self.input = input

    var line: [UInt8] = []
    while line.last != UInt8(ascii: "\n") {
      let data = output.fileHandleForReading.readData(ofLength: 1)
      if data.isEmpty { break }
      line += data
    }
    let text = String(decoding: line, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    guard text.hasPrefix("listening "), let port = Int(text.dropFirst("listening ".count)) else {
      process.terminate()
      throw Failure(description: "the server process did not report its port (it said: \"\(text)\")")
    }
    self.port = port
  }

  /// The server's CPU time so far, user and system, all threads.
  func cpuTime() throws -> Duration {
    try ProcessStatus.cpuTime(of: process.processIdentifier)
  }

  /// Ends the server (by closing its standard input) and waits for it to exit.
  func stop() {
    try? input.fileHandleForWriting.close()
    process.waitUntilExit()
  }
}
