import Foundation

/// The inputs a libFuzzer target once crashed on, kept in `FuzzTesting/FailCases` (see `FuzzTesting/README.md`),
/// so that the ordinary test run feeds them to the decoders again.
package enum FuzzFailCases {
  /// The folder of saved crashing inputs, relative to the package root.
  package static let folderPath = "FuzzTesting/FailCases"

  /// Every saved input with its file name, in name order; hidden files (the folder's `.gitkeep`) are left out.
  ///
  /// - Throws: The file system's error when the folder or a file cannot be read.
  package static func all() throws -> [(name: String, bytes: [UInt8])] {
    let folder = PackageFiles.url(Self.folderPath)
    let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
      .filter { !$0.hasPrefix(".") }
      .sorted()
    return try names.map { name in
      (name, [UInt8](try Data(contentsOf: folder.appendingPathComponent(name))))
    }
  }
}
