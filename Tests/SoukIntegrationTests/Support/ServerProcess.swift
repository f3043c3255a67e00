import Foundation
import SoukServer
import SoukTestSupport
import Synchronization

/// `souk serve` as a child process: the real executable, started on port 0, its banner read from its standard
/// output.
final class ServerProcess: Sendable {
  let process: Process
  /// The port it listens on.
  let port: Int
  /// The banner's lines.
  let banner: [String]

  private init(process: Process, port: Int, banner: [String]) {
    self.process = process
    self.port = port
    self.banner = banner
  }

  /// The `souk` executable next to the test bundle (`swift build` builds it; CI runs `swift build` first).
  static var executable: URL {
    get throws {
      let tests = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent()
      let souk = tests.appendingPathComponent("souk")
      guard FileManager.default.isExecutableFile(atPath: souk.path) else {
        throw TestFailure("\(souk.path) is missing: run `swift build` before `swift test`")
      }
      return souk
    }
  }

  /// Starts `souk serve --address 127.0.0.1:0 --data <dataDirectory>` plus `arguments`, and waits for its banner.
  static func start(dataDirectory: String, arguments: [String] = []) async throws -> ServerProcess {
    let process = Process()
    process.executableURL = try Self.executable
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
    guard let listening = lines.first(where: { $0.hasPrefix("Souk is listening on ") }),
      let portText = listening.split(separator: " ")[4].split(separator: ":").last, let port = Int(portText)
    else {
      process.terminate()
      throw TestFailure("no address in the banner: \(lines)")
    }
    return ServerProcess(process: process, port: port, banner: lines)
  }

  /// The secret the banner shows after `label` (e.g. `Admin key`), if any.
  func secret(after label: String) -> String? {
    self.banner.first { $0.hasPrefix(label) }?.split(separator: " ").last.map(String.init)
  }

  /// Sends `signal` and waits for the process to exit; returns its termination status.
  @discardableResult
  func stop(with signal: Int32) async throws -> Int32 {
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

/// Collects a child's standard output until the banner's last line has arrived.
private final class BannerReader: Sendable {
  private struct State {
    var text = ""
    var waiter: CheckedContinuation<[String], any Error>?
    var complete: [String]?
  }

  private let state = Mutex(State())

  func append(_ data: Data) {
    let waiter: (CheckedContinuation<[String], any Error>, [String])? = self.state.withLock { state in
      state.text += String(decoding: data, as: UTF8.self)
      guard state.complete == nil else { return nil }
      let lines = state.text.split(separator: "\n").map(String.init)
      guard let last = lines.last, state.text.hasSuffix("\n"), Self.isBannerEnd(last) else {
        return nil
      }
      state.complete = lines
      defer { state.waiter = nil }
      return state.waiter.map { ($0, lines) }
    }
    if let (continuation, lines) = waiter { continuation.resume(returning: lines) }
  }

  func lines() async throws -> [String] {
    try await withCheckedThrowingContinuation { continuation in
      let ready: [String]? = self.state.withLock { state in
        if let complete = state.complete { return complete }
        state.waiter = continuation
        return nil
      }
      if let ready { continuation.resume(returning: ready) }
    }
  }

  private static func isBannerEnd(_ last: String) -> Bool {
    last == RunningMarketServer.lastBannerLine
  }
}
