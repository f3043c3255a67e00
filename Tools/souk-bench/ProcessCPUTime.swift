import Foundation

/// A process's CPU time, user and system, all threads, from Linux's `/proc/PID/stat` (the kernel counts in clock
/// ticks, 10 ms here).
enum ProcessCPUTime {
  /// `/proc` did not have what was asked.
  struct Failure: Error, CustomStringConvertible {
    var description: String
  }

  /// The CPU time process `processIdentifier` has used so far.
  static func of(_ processIdentifier: Int32) throws -> Duration {
    let path = "/proc/\(processIdentifier)/stat"
    guard let file = FileHandle(forReadingAtPath: path) else {
      throw Failure(description: "cannot open \(path)")
    }
    defer { try? file.close() }
    let text = String(decoding: file.readDataToEndOfFile(), as: UTF8.self)
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
}
