import Foundation

/// Temporary folders for test files.
package enum TemporaryDirectory {
  /// Creates a new, empty folder `<prefix>-<UUID>` in the system's temporary folder and returns its path.
  ///
  /// - Throws: The file system's error when the folder cannot be created.
  package static func make(prefix: String) throws -> String {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
  }
}
