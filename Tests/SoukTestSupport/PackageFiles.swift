import Foundation

/// Files of the Souk package that tests read (the specification, saved fuzzer inputs), found from this source
/// file's place in the tree, `Tests/SoukTestSupport/`, so that tests do not depend on the working directory.
enum PackageFiles {
  /// The package's root folder.
  static let root = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent()  // SoukTestSupport
    .deletingLastPathComponent()  // Tests
    .deletingLastPathComponent()  // package root

  /// The file or folder at `relativePath` from the package root.
  static func url(_ relativePath: String) -> URL {
    root.appendingPathComponent(relativePath)
  }
}
