import ArgumentParser
import Foundation

/// Where `orders export` writes: standard output, or a file that is written as `FILE.partial` and renamed to
/// `FILE` only when the export is complete, so that a failed export never leaves a file that looks whole.
final class CSVSink {
  private let handle: FileHandle
  private let path: String?
  private let partialPath: String?

  /// A sink for `path`, or standard output when it is `nil`.
  ///
  /// - Throws: `ValidationError` when the file cannot be created.
  init(path: String?) throws {
    self.path = path
    guard let path else {
      self.handle = .standardOutput
      self.partialPath = nil
      return
    }
    let partial = path + ".partial"
    guard FileManager.default.createFile(atPath: partial, contents: nil),
      let handle = FileHandle(forWritingAtPath: partial)
    else {
      throw ValidationError("cannot create \(partial): check the folder exists and is writable")
    }
    self.handle = handle
    self.partialPath = partial
  }

  /// Writes `text` as UTF-8 at once.
  func write(_ text: String) throws {
    try self.handle.write(contentsOf: Data(text.utf8))
  }

  /// Closes the file and gives it its final name.
  func finish() throws {
    guard let path, let partialPath else { return }
    try self.handle.close()
    if FileManager.default.fileExists(atPath: path) {
      try FileManager.default.removeItem(atPath: path)
    }
    try FileManager.default.moveItem(atPath: partialPath, toPath: path)
  }

  /// Closes and deletes the partial file after a failure.
  func abandon() {
    guard let partialPath else { return }
    try? self.handle.close()
    try? FileManager.default.removeItem(atPath: partialPath)
  }
}
