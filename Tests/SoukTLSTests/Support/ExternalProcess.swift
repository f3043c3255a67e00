import Foundation
import SoukTestSupport
import Synchronization

/// A child process (openssl, python3) whose combined output tests can wait on, line by line.
final class ExternalProcess: Sendable {
  struct Failure: Error, CustomStringConvertible {
    var description: String
  }

  private typealias Waiter = (
    id: Int, text: String, matches: @Sendable (String) -> Bool, continuation: CheckedContinuation<String, any Error>
  )

  private struct State {
    var output = ""
    var exitStatus: Int32?
    var outputEnded = false
    /// The process exited and its output was read to the end.
    var finished: Bool { exitStatus != nil && outputEnded }
    var waiters: [Waiter] = []
    var exitWaiters: [CheckedContinuation<Int32, Never>] = []
    var nextID = 0
  }

  let commandLine: String
  private let process: Process
  private let input: Pipe
  private let state = Mutex(State())

  /// Starts `executable` (looked up in PATH) with `arguments`.
  init(_ executable: String, _ arguments: [String]) throws {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = [executable] + arguments
    let output = Pipe()
    let input = Pipe()
    process.standardOutput = output
    process.standardError = output
    process.standardInput = input
    self.process = process
    self.input = input
    self.commandLine = ([executable] + arguments).joined(separator: " ")
    process.terminationHandler = { [weak self] process in
      let status = process.terminationStatus
      self?.finish { $0.exitStatus = status }
    }
    try process.run()
    // A thread of its own reads the output with blocking reads (a dispatch readability handler on a pipe
    // another child keeps open has crashed libdispatch here).
    let reader = output.fileHandleForReading
    Thread.detachNewThread { [weak self] in
      while true {
        let data = reader.availableData
        guard let self else { return }
        if data.isEmpty {
          self.finish { $0.outputEnded = true }
          return
        }
        self.append(String(decoding: data, as: UTF8.self))
      }
    }
  }

  deinit {
    terminate()
  }

  /// Everything printed so far.
  var output: String { state.withLock { $0.output } }

  /// Waits until the output contains `text`; returns the output so far.
  @discardableResult
  func waitForOutput(containing text: String, timeout: Duration = .seconds(20)) async throws -> String {
    try await waitForOutput(text, timeout: timeout) { $0.contains(text) }
  }

  /// Waits until a whole line starting with `prefix` was printed; returns that line.
  func waitForLine(startingWith prefix: String, timeout: Duration = .seconds(20)) async throws -> String {
    let output = try await waitForOutput("a line starting with '\(prefix)'", timeout: timeout) { output in
      output.split(separator: "\n", omittingEmptySubsequences: false).dropLast().contains { $0.hasPrefix(prefix) }
    }
    let line = output.split(separator: "\n").first { $0.hasPrefix(prefix) }
    return line.map(String.init) ?? ""
  }

  /// Waits until `matches` accepts the output; `text` describes what is awaited.
  private func waitForOutput(
    _ text: String,
    timeout: Duration,
    matches: @escaping @Sendable (String) -> Bool
  ) async throws -> String {
    let id = state.withLock { state in
      state.nextID += 1
      return state.nextID
    }
    let timeoutTask = Task { [weak self] in
      try await Task.sleep(for: timeout)
      self?.failWaiter(id: id, reason: "timed out after \(timeout) waiting for '\(text)'")
    }
    defer { timeoutTask.cancel() }
    return try await withCheckedThrowingContinuation { continuation in
      let immediate: Result<String, any Error>? = state.withLock { state in
        if matches(state.output) { return .success(state.output) }
        if state.finished, let status = state.exitStatus {
          return .failure(
            Failure(description: "\(commandLine) exited (\(status)) without printing '\(text)':\n\(state.output)"))
        }
        state.waiters.append((id, text, matches, continuation))
        return nil
      }
      if let immediate { continuation.resume(with: immediate) }
    }
  }

  /// Waits (up to 30 s) for the process to exit and returns its status.
  func waitForExit() async throws -> Int32 {
    try await withTimeout(.seconds(30), "\(commandLine)") { await self.exitStatus() }
  }

  private func exitStatus() async -> Int32 {
    await withCheckedContinuation { continuation in
      let status: Int32? = state.withLock { state in
        // Not waiting for the end of output: another child may have inherited the pipe and keep it open.
        if let status = state.exitStatus { return status }
        state.exitWaiters.append(continuation)
        return nil
      }
      if let status { continuation.resume(returning: status) }
    }
  }

  /// Writes to the process's standard input.
  func send(_ text: String) throws {
    try input.fileHandleForWriting.write(contentsOf: Data(text.utf8))
  }

  /// Closes the process's standard input.
  func closeInput() throws {
    try input.fileHandleForWriting.close()
  }

  /// Kills the process (SIGKILL: a child may inherit a mask that blocks SIGTERM).
  func terminate() {
    if process.isRunning { kill(process.processIdentifier, SIGKILL) }
  }

  private func append(_ text: String) {
    let ready = state.withLock { state in
      state.output += text
      let output = state.output
      let ready = state.waiters.filter { $0.matches(output) }
      state.waiters.removeAll { $0.matches(output) }
      return ready.map { ($0.continuation, output) }
    }
    for (continuation, output) in ready { continuation.resume(returning: output) }
  }

  /// Records the exit or the end of output; answers exit waiters at the exit, output waiters once both happened.
  private func finish(_ update: (inout State) -> Void) {
    let (waiters, exitWaiters, output, status) = state.withLock { state in
      update(&state)
      let exitWaiters = state.exitStatus == nil ? [] : state.exitWaiters
      if state.exitStatus != nil { state.exitWaiters = [] }
      guard state.finished, let status = state.exitStatus else {
        return ([Waiter](), exitWaiters, "", state.exitStatus ?? 0)
      }
      let waiters = state.waiters
      state.waiters = []
      return (waiters, exitWaiters, state.output, status)
    }
    for waiter in waiters {
      if waiter.matches(output) {
        waiter.continuation.resume(returning: output)
      } else {
        waiter.continuation.resume(
          throwing: Failure(
            description: "\(commandLine) exited (\(status)) without printing '\(waiter.text)':\n\(output)")
        )
      }
    }
    for waiter in exitWaiters { waiter.resume(returning: status) }
  }

  private func failWaiter(id: Int, reason: String) {
    let waiter = state.withLock { state -> CheckedContinuation<String, any Error>? in
      guard let index = state.waiters.firstIndex(where: { $0.id == id }) else { return nil }
      return state.waiters.remove(at: index).continuation
    }
    waiter?.resume(throwing: Failure(description: "\(commandLine): \(reason); output:\n\(output)"))
  }
}
