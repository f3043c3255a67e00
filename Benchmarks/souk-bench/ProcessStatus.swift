import Foundation

/// What Linux's `/proc` tells about a process: its resident memory, its open file descriptors and its CPU time.
enum ProcessStatus {
  /// `/proc` did not have what was asked.
  struct Failure: Error, CustomStringConvertible {
    var description: String
  }

  /// The process's resident set size (`VmRSS` of `/proc/PID/status`), in KiB.
  static func residentKiB(of processIdentifier: Int32) throws -> Int {
    let path = "/proc/\(processIdentifier)/status"
    let text = try read(path)
    // A line such as "VmRSS:\t   12345 kB".
    for line in text.split(separator: "\n") where line.hasPrefix("VmRSS:") {
      let fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
      if fields.count == 3, fields[2] == "kB", let kibibytes = Int(fields[1]) { return kibibytes }
    }
    throw Failure(description: "no VmRSS line in \(path)")
  }

  /// The number of file descriptors the process has open (entries of `/proc/PID/fd`).
  static func openFileDescriptors(of processIdentifier: Int32) throws -> Int {
    try FileManager.default.contentsOfDirectory(atPath: "/proc/\(processIdentifier)/fd").count
  }

  /// The CPU time, user and system, all threads, the process has used so far (`/proc/PID/stat`; the kernel counts
  /// in clock ticks, 10 ms here).
  static func cpuTime(of processIdentifier: Int32) throws -> Duration {
    let path = "/proc/\(processIdentifier)/stat"
    let text = try read(path)
    // The command name (field 2) is in parentheses and may hold spaces: count fields after the last ')'.
    // There, field 3 (state) comes first, so utime (field 14) is at 11 and stime (field 15) at 12.
    guard let nameEnd = text.lastIndex(of: ")") else {
      throw Failure(description: "unexpected \(path): \(text)")
    }
    let fields = text[text.index(after: nameEnd)...].split(separator: " ")
    guard fields.count > 12, let user = Int64(fields[11]), let system = Int64(fields[12]) else {
      throw Failure(description: "unexpected \(path): \(text)")
    }
    let ticksPerSecond = Int64(sysconf(Int32(_SC_CLK_TCK)))
    return .nanoseconds((user + system) * 1_000_000_000 / ticksPerSecond)
  }

  /// The text of a `/proc` file.
  private static func read(_ path: String) throws -> String {
    guard let file = FileHandle(forReadingAtPath: path) else {
      throw Failure(description: "cannot open \(path)")
    }
    defer { try? file.close() }
    return String(decoding: file.readDataToEndOfFile(), as: UTF8.self)
  }
}
