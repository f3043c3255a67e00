import Foundation

/// Where the tool writes: results on standard output, messages and progress on standard error.
enum Console {
  /// Writes `text` and a new line on standard output.
  static func out(_ text: String) {
    FileHandle.standardOutput.write(Data((text + "\n").utf8))
  }

  /// Writes `text` and a new line on standard error.
  static func error(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
  }

  /// Writes `text` as is on standard error (for progress that redraws its line).
  static func errorRaw(_ text: String) {
    FileHandle.standardError.write(Data(text.utf8))
  }

  /// Whether standard error is a terminal (progress is drawn only then).
  static var errorIsTerminal: Bool { isatty(STDERR_FILENO) == 1 }
}
