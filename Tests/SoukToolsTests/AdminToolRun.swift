import Foundation
import SoukTestSupport

/// One finished run of the real `souk-admin` executable: its exit status and everything it printed.
struct AdminToolRun: Sendable {
  let status: Int32
  let standardOutput: String
  let standardError: String

  /// The output's lines.
  var lines: [String] { self.standardOutput.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) }

  /// The `souk-admin` executable next to the test bundle (`swift build` builds it; CI runs it before `swift test`).
  static var executable: URL {
    get throws {
      let tests = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent()
      let tool = tests.appendingPathComponent("souk-admin")
      guard FileManager.default.isExecutableFile(atPath: tool.path) else {
        throw AdminTestFailure("\(tool.path) is missing: run `swift build` before `swift test`")
      }
      return tool
    }
  }

  /// Runs `souk-admin arguments` with no `SOUK_*` variables in its environment and waits for it to exit.
  static func run(_ arguments: [String], environment extra: [String: String] = [:]) async throws -> AdminToolRun {
    let folder = try TemporaryDirectory.make(prefix: "souk-admin-run")
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let outPath = folder + "/stdout"
    let errPath = folder + "/stderr"
    guard FileManager.default.createFile(atPath: outPath, contents: nil),
      FileManager.default.createFile(atPath: errPath, contents: nil)
    else { throw AdminTestFailure("cannot create the output files in \(folder)") }
    let process = Process()
    process.executableURL = try Self.executable
    process.arguments = arguments
    var environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("SOUK_") }
    environment.merge(extra) { $1 }
    process.environment = environment
    // Files, not pipes: a child that writes a lot can never block on a full pipe.
    process.standardOutput = FileHandle(forWritingAtPath: outPath)
    process.standardError = FileHandle(forWritingAtPath: errPath)
    process.standardInput = FileHandle.nullDevice
    let status: Int32 = try await withTimeout(.seconds(60), "souk-admin \(arguments.prefix(2))") {
      try await withCheckedThrowingContinuation { continuation in
        process.terminationHandler = { finished in continuation.resume(returning: finished.terminationStatus) }
        do {
          try process.run()
        } catch {
          process.terminationHandler = nil
          continuation.resume(throwing: error)
        }
      }
    }
    return AdminToolRun(
      status: status,
      standardOutput: (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? "",
      standardError: (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? "")
  }

  /// The lines of standard output parsed as JSON objects (JSON Lines).
  func jsonLines() throws -> [[String: Any]] {
    try self.standardOutput.split(separator: "\n").map { line in
      guard let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else {
        throw AdminTestFailure("not a JSON object: \(line)")
      }
      return object
    }
  }
}
