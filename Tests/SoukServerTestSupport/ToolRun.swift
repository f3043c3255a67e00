import Foundation

/// One finished run of one of the repository's executables: its exit status and everything it printed.
package struct ToolRun: Sendable, CustomStringConvertible {
  /// The exit status.
  package let status: Int32
  /// Everything written on standard output.
  package let standardOutput: String
  /// Everything written on standard error.
  package let standardError: String

  /// The output's lines.
  package var lines: [String] {
    self.standardOutput.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
  }

  /// The status and both outputs, for a failed expectation's message.
  package var description: String {
    "exit \(self.status)\n--- stdout\n\(self.standardOutput)\n--- stderr\n\(self.standardError)"
  }

  /// The lines of standard output parsed as JSON objects (JSON Lines).
  package func jsonLines() throws -> [[String: Any]] {
    try self.standardOutput.split(separator: "\n").map { line in
      guard let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else {
        throw TestFailure("not a JSON object: \(line)")
      }
      return object
    }
  }
}
