import Foundation
import SoukServer

/// The real `souk serve` as a child process, started on 127.0.0.1 port 0 with a data folder of its own: its
/// address, its development CA and the admin key it showed are read from the banner it prints.
///
/// Its environment is this process's without any `SOUK_…` variable, plus `SOUK_DATABASE` when it serves a
/// PostgreSQL store (so the URL's password is not on its command line). It logs errors only, to this process's
/// standard error.
final class SoukServeProcess: Sendable {
  /// The child could not be started, or its banner could not be read.
  struct Failure: Error, CustomStringConvertible {
    var description: String
  }

  /// Where it listens: `127.0.0.1:PORT`.
  let address: String
  /// The development CA its certificate was made with (in its data folder), for the clients to trust.
  let caPath: String
  /// The admin key it showed, when it made the store's first one; nil when another instance did.
  let adminKey: String?
  /// Its process ID, for reading its CPU time.
  var processIdentifier: Int32 { process.processIdentifier }
  private let process: Process

  /// How long `souk serve` may take to print its banner (migrating a new PostgreSQL database included).
  private static let startTimeout = Duration.seconds(120)

  private init(process: Process, address: String, caPath: String, adminKey: String?) {
    self.process = process
    self.address = address
    self.caPath = caPath
    self.adminKey = adminKey
  }

  /// Starts `executable serve` on `dataFolder` (SQLite there, or the PostgreSQL store at `databaseURL`) and waits
  /// until its banner says it is ready.
  ///
  /// - Throws: ``Failure`` when it exits, or says nothing usable, before its banner ends.
  static func start(executable: URL, dataFolder: String, databaseURL: String?) async throws -> SoukServeProcess {
    let process = Process()
    process.executableURL = executable
    process.arguments = ["serve", "--address", "127.0.0.1:0", "--data", dataFolder, "--log-level", "error"]
    var environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("SOUK_") }
    if let databaseURL { environment["SOUK_DATABASE"] = databaseURL }
    process.environment = environment
    let output = Pipe()
    process.standardOutput = output
    try process.run()

    let banner = try await withThrowingTaskGroup(of: [String]?.self) { group in
      group.addTask { await readBanner(output.fileHandleForReading) }
      group.addTask {
        try await Task.sleep(for: startTimeout)
        return nil
      }
      let first = try await group.next() ?? nil
      group.cancelAll()
      if first == nil {
        // The reader returns once the child's output ends.
        process.terminate()
        _ = try await group.next()
      }
      return first
    }
    guard let banner else {
      throw Failure(description: "souk serve printed no banner within \(startTimeout)")
    }
    guard let reading = Banner(lines: banner), let caPath = reading.caPath else {
      process.terminate()
      throw Failure(description: "souk serve did not start; it printed:\n" + banner.joined(separator: "\n"))
    }
    return SoukServeProcess(process: process, address: reading.address, caPath: caPath, adminKey: reading.adminKey)
  }

  /// Its CPU time so far, user and system, all threads.
  func cpuTime() throws -> Duration {
    try ProcessStatus.cpuTime(of: process.processIdentifier)
  }

  /// Stops it as an operator would (SIGTERM: calls in flight finish, the store is closed) and waits for it to
  /// exit; returns its exit status (0 after a graceful stop).
  @discardableResult
  func stop() async -> Int32 {
    let process = self.process
    if process.isRunning { process.terminate() }
    return await withCheckedContinuation { continuation in
      DispatchQueue.global().async {
        process.waitUntilExit()
        continuation.resume(returning: process.terminationStatus)
      }
    }
  }

  /// The child's output lines up to the banner's last line (or up to its end, when it exits first). The output
  /// is read on, and dropped, until it ends, so the child never blocks on a full pipe.
  private static func readBanner(_ handle: FileHandle) async -> [String] {
    await withCheckedContinuation { continuation in
      DispatchQueue.global().async {
        var text = ""
        var resumed = false
        while true {
          let data = handle.availableData
          if data.isEmpty { break }
          guard !resumed else { continue }
          text += String(decoding: data, as: UTF8.self)
          let lines = text.split(separator: "\n").map(String.init)
          if text.hasSuffix("\n"), lines.last == RunningMarketServer.lastBannerLine {
            continuation.resume(returning: lines)
            resumed = true
          }
        }
        if !resumed { continuation.resume(returning: text.split(separator: "\n").map(String.init)) }
      }
    }
  }
}
