import Foundation

/// What Linux's `/proc` tells about a process: its resident memory and its open file descriptors.
enum ProcessStatus {
  /// `/proc` did not have what was asked.
  struct Failure: Error, CustomStringConvertible {
    var description: String
  }

  /// The process's resident set size (`VmRSS` of `/proc/PID/status`), in KiB.
  static func residentKiB(of processIdentifier: Int32) throws -> Int {
    let path = "/proc/\(processIdentifier)/status"
    guard let file = FileHandle(forReadingAtPath: path) else {
      throw Failure(description: "cannot open \(path)")
    }
    defer { try? file.close() }
    let text = String(decoding: file.readDataToEndOfFile(), as: UTF8.self)
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
}
