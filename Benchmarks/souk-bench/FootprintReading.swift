/// One reading of `souk-bench footprint`: both processes' resident memory and the server's open descriptors.
struct FootprintReading {
  /// What was open when the reading was taken.
  var label: String
  /// The server process's VmRSS, KiB.
  var serverKiB: Int
  /// The server process's open file descriptors (its listener, its connections, its own few).
  var serverFileDescriptors: Int
  /// This (the client) process's VmRSS, KiB.
  var clientKiB: Int

  /// Reads both processes now.
  init(_ label: String, server: Int32, client: Int32) throws {
    self.label = label
    self.serverKiB = try ProcessStatus.residentKiB(of: server)
    self.serverFileDescriptors = try ProcessStatus.openFileDescriptors(of: server)
    self.clientKiB = try ProcessStatus.residentKiB(of: client)
  }

  /// The table's header and alignment lines.
  static let header = [
    "| open | server RSS KiB | server open fds | client RSS KiB (this process) |",
    "| --- | ---: | ---: | ---: |",
  ]

  /// The reading as a table row.
  var row: String {
    "| \(label) | \(serverKiB) | \(serverFileDescriptors) | \(clientKiB) |"
  }
}
