import Foundation

/// The CSV files under `Tests/SoukToolsTests/Fixtures`, found next to this source file.
enum CSVFixtures {
  /// The fixtures folder.
  static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

  /// The path of fixture `name`.
  static func path(_ name: String) -> String {
    folder.appendingPathComponent(name).path
  }

  /// The bytes of fixture `name`.
  static func bytes(_ name: String) throws -> [UInt8] {
    Array(try Data(contentsOf: folder.appendingPathComponent(name)))
  }
}
