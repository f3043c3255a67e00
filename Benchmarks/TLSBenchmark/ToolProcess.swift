import Foundation
import Synchronization

/// A command-line tool the benchmark runs as the ceiling (openssl, sh).
final class ToolProcess: Sendable {
  struct Failure: Error, CustomStringConvertible {
    var description: String
  }

  private let process: Process
  private let input: Pipe
  private let collected = Mutex<String>("")
  private let firstLineSeen = Mutex<Bool>(false)
  private let ready = DispatchSemaphore(value: 0)

  /// Starts the tool; when `marker` is given, output after the first line containing it is not kept.
  init(_ executable: String, _ arguments: [String], discardingOutputAfter marker: String? = nil) throws {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = [executable] + arguments
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    // An input that stays open: s_server ends its connection when its standard input ends.
    let input = Pipe()
    process.standardInput = input
    self.input = input
    self.process = process
    try process.run()
    // Blocking reads on a thread of its own (a dispatch readability handler on a pipe can crash libdispatch).
    let reader = pipe.fileHandleForReading
    Thread.detachNewThread { [weak self] in
      while true {
        let data = reader.availableData
        guard let self else { return }
        if data.isEmpty {
          self.ready.signal()
          return
        }
        self.consume(String(decoding: data, as: UTF8.self), marker: marker)
      }
    }
  }

  var output: String { collected.withLock { $0 } }

  private func consume(_ text: String, marker: String?) {
    guard !firstLineSeen.withLock({ $0 }) else { return }
    let output = collected.withLock { collected in
      collected += text
      return collected
    }
    if let marker,
      output.split(separator: "\n", omittingEmptySubsequences: false).dropLast().contains(where: { $0.contains(marker) }
      )
    {
      firstLineSeen.withLock { $0 = true }
      ready.signal()
    }
  }

  /// The port in s_server's "ACCEPT 127.0.0.1:PORT" line.
  func acceptPort() throws -> Int {
    ready.wait()
    guard let line = output.split(separator: "\n").first(where: { $0.hasPrefix("ACCEPT") }),
      let port = line.split(separator: ":").last.flatMap({ Int($0) })
    else { throw Failure(description: "s_server did not report its port:\n\(output)") }
    return port
  }

  func waitForExit() {
    process.waitUntilExit()
    if !firstLineSeen.withLock({ $0 }) { ready.wait() }
  }

  func terminate() {
    // SIGKILL: a child may inherit a signal mask that blocks SIGTERM.
    if process.isRunning {
      kill(process.processIdentifier, SIGKILL)
      process.waitUntilExit()
    }
  }
}
