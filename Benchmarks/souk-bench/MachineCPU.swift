import Foundation

/// The whole machine's CPU time, every core and every process, from the first line of Linux's `/proc/stat`: how
/// busy the cores were over a window, whoever kept them busy (the benchmark, its servers, PostgreSQL, or any other
/// work on the machine).
struct MachineCPU: Sendable {
  /// Clock ticks spent running something (user, nice, system, interrupts, steal), all cores together.
  var busyTicks: UInt64
  /// Clock ticks in total, idle and waiting for I/O included, all cores together.
  var totalTicks: UInt64

  /// `/proc/stat` did not read as expected.
  struct Failure: Error, CustomStringConvertible {
    var description: String
  }

  /// Reads the counters now.
  static func read() throws -> MachineCPU {
    guard let file = FileHandle(forReadingAtPath: "/proc/stat") else {
      throw Failure(description: "cannot open /proc/stat")
    }
    defer { try? file.close() }
    let text = String(decoding: file.readDataToEndOfFile(), as: UTF8.self)
    // "cpu  user nice system idle iowait irq softirq steal guest guest_nice"; guest time is already in user.
    guard let line = text.split(separator: "\n").first, line.hasPrefix("cpu ") else {
      throw Failure(description: "no cpu line in /proc/stat")
    }
    let values = line.split(separator: " ").dropFirst().prefix(8).compactMap { UInt64($0) }
    guard values.count == 8 else { throw Failure(description: "unexpected /proc/stat line: \(line)") }
    let idle = values[3] + values[4]
    let total = values.reduce(0, +)
    return MachineCPU(busyTicks: total - idle, totalTicks: total)
  }

  /// The share of all cores kept busy between `earlier` and this reading, 0 to 1.
  func busyFraction(since earlier: MachineCPU) -> Double {
    let total = totalTicks - earlier.totalTicks
    return total > 0 ? Double(busyTicks - earlier.busyTicks) / Double(total) : 0
  }
}
