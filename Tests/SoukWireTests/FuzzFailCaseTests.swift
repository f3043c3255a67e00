import Foundation
import SoukWire
import Testing

/// Every input the libFuzzer target ever crashed on (kept in `FuzzTesting/FailCases`) is decoded again here, so
/// a regression shows up in the ordinary test run and not only when someone fuzzes.
@Suite("Fuzzer fail cases")
struct FuzzFailCaseTests {
  /// The folder of saved crashing inputs, relative to the package root.
  static let failCasesPath = "FuzzTesting/FailCases"

  static func failCases() throws -> [(name: String, bytes: [UInt8])] {
    let folder = URL(fileURLWithPath: #filePath)
      .deletingLastPathComponent()  // SoukWireTests
      .deletingLastPathComponent()  // Tests
      .deletingLastPathComponent()  // package root
      .appendingPathComponent(Self.failCasesPath)
    let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
      .filter { !$0.hasPrefix(".") }
      .sorted()
    return try names.map { name in
      (name, [UInt8](try Data(contentsOf: folder.appendingPathComponent(name))))
    }
  }

  @Test("each saved crashing input decodes without trapping, with the fuzzer's invariants")
  func failCasesStayFixed() throws {
    var outcomes = (decoded: 0, failed: 0)
    for failCase in try Self.failCases() {
      FuzzStyleTests.check(SoukFixtureV1.Product.self, failCase.bytes, &outcomes)
      FuzzStyleTests.check(SoukFixtureV1.Node.self, failCase.bytes, &outcomes)
      FuzzStyleTests.check(SoukFixtureV1.Scalars.self, failCase.bytes, &outcomes)
    }
  }
}
