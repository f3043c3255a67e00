package import Foundation
import SoukTestSupport

/// The repository's executables (`souk`, `souk-admin`, `souk-coop`) run as child processes, from next to the
/// test bundle.
package enum ToolProcess {
  /// The executable `name` next to the test bundle (`swift build` builds it; CI runs `swift build` first).
  package static func executable(_ name: String) throws -> URL {
    let tests = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent()
    let tool = tests.appendingPathComponent(name)
    guard FileManager.default.isExecutableFile(atPath: tool.path) else {
      throw TestFailure("\(tool.path) is missing: run `swift build` before `swift test`")
    }
    return tool
  }

  /// This process's environment without the variables whose names start with `prefix`, plus `extra`.
  package static func inheritedEnvironment(
    without prefix: String,
    adding extra: [String: String] = [:]
  ) -> [String: String] {
    ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix(prefix) }.merging(extra) { $1 }
  }

  /// Runs the executable `tool` with `arguments`, exactly `environment` and `standardInput` (nothing when `nil`),
  /// and waits (at most `limit`) for it to exit.
  package static func run(
    _ tool: String,
    _ arguments: [String],
    environment: [String: String],
    standardInput: Data? = nil,
    within limit: Duration = .seconds(60)
  ) async throws -> ToolRun {
    let folder = try TemporaryDirectory.make(prefix: "souk-tool-run")
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let outPath = folder + "/stdout"
    let errPath = folder + "/stderr"
    let inPath = folder + "/stdin"
    guard FileManager.default.createFile(atPath: outPath, contents: nil),
      FileManager.default.createFile(atPath: errPath, contents: nil),
      FileManager.default.createFile(atPath: inPath, contents: standardInput ?? Data())
    else { throw TestFailure("cannot create the output files in \(folder)") }
    let process = Process()
    process.executableURL = try Self.executable(tool)
    process.arguments = arguments
    process.environment = environment
    // Files, not pipes: a child that writes a lot can never block on a full pipe.
    process.standardOutput = FileHandle(forWritingAtPath: outPath)
    process.standardError = FileHandle(forWritingAtPath: errPath)
    process.standardInput = standardInput == nil ? FileHandle.nullDevice : FileHandle(forReadingAtPath: inPath)
    let status: Int32
    do {
      status = try await withTimeout(limit, "\(tool) \(arguments.joined(separator: " "))") {
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
    } catch {
      // A child that outlived its limit is not left running after the test.
      if process.isRunning { process.terminate() }
      throw error
    }
    return ToolRun(
      status: status,
      standardOutput: (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? "",
      standardError: (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? "")
  }
}
