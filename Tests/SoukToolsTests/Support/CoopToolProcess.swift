import Foundation
import SoukTestSupport

/// The built `souk-coop` executable run as a child process, with its output and exit status.
struct CoopToolProcess {
  /// What one run produced.
  struct Result: CustomStringConvertible {
    /// The exit status.
    var status: Int32
    /// Everything written on standard output.
    var stdout: String
    /// Everything written on standard error.
    var stderr: String

    var description: String { "exit \(self.status)\n--- stdout\n\(self.stdout)\n--- stderr\n\(self.stderr)" }
  }

  /// The `souk-coop` executable next to the test bundle (`swift build` builds it before `swift test`).
  static var executable: URL {
    get throws {
      let tests = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent()
      let tool = tests.appendingPathComponent("souk-coop")
      guard FileManager.default.isExecutableFile(atPath: tool.path) else {
        throw CoopTestFailure("\(tool.path) is missing: run `swift build` before `swift test`")
      }
      return tool
    }
  }

  /// Runs `souk-coop arguments` with `environment` (and nothing else from this process's environment) and
  /// waits for it to exit.
  static func run(_ arguments: [String], environment: [String: String]) async throws -> Result {
    let process = Process()
    process.executableURL = try Self.executable
    process.arguments = arguments
    process.environment = environment.merging(["PATH": "/usr/bin:/bin"]) { given, _ in given }
    let output = Pipe()
    let errors = Pipe()
    process.standardOutput = output
    process.standardError = errors
    process.standardInput = FileHandle.nullDevice
    try process.run()
    let outputHandle = output.fileHandleForReading
    let errorHandle = errors.fileHandleForReading
    return try await withTimeout(.seconds(60), "souk-coop \(arguments.joined(separator: " "))") {
      async let out = Self.readAll(outputHandle)
      async let err = Self.readAll(errorHandle)
      let (stdout, stderr) = await (out, err)
      process.waitUntilExit()
      return Result(status: process.terminationStatus, stdout: stdout, stderr: stderr)
    }
  }

  /// Reads `handle` to its end on a thread of its own.
  static func readAll(_ handle: FileHandle) async -> String {
    await withCheckedContinuation { continuation in
      DispatchQueue.global().async {
        continuation.resume(returning: String(decoding: handle.readDataToEndOfFile(), as: UTF8.self))
      }
    }
  }
}
