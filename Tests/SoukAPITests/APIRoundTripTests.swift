import Foundation
import SoukAPI
import SoukSchema
import SoukWire
import Testing

/// Round trips every message of the API with every field set, from bytes written by an encoder that reads the
/// schema and shares no code with SoukWire or the generator.
@Suite struct APIRoundTripTests {
  static let schema: Schema = {
    let root = URL(fileURLWithPath: #filePath)
      .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("Protocol").path
    do {
      return try SchemaCompiler.compile(root: root)
    } catch {
      fatalError("Protocol/ does not compile: \(error)")
    }
  }()

  static let encoder = SampleEncoder(schema: schema)

  @Test func theListCoversEveryMessageOfTheSchema() {
    let listed = Set(APIMessages.all.map { $0.fullName })
    #expect(listed == Set(Self.encoder.messagesByFullName.keys))
  }

  @Test(arguments: APIMessages.all.map { $0.fullName })
  func everyFieldSurvivesARoundTrip(fullName: String) throws {
    let type = try #require(APIMessages.all.first { $0.fullName == fullName })
    let declaration = try #require(Self.encoder.messagesByFullName[fullName])
    let bytes = Self.encoder.encode(declaration)
    try Self.checkRoundTrip(type, bytes: bytes)
  }

  private static func checkRoundTrip<M: WireMessage>(_: M.Type, bytes: [UInt8]) throws {
    let value = try M(decoding: bytes)
    #expect(value.unknownFields.isEmpty, "every field of \(M.fullName) is known to the generated code")
    #expect(value.encodedSize() == bytes.count)
    #expect(value.encodedBytes() == bytes, "re-encoding \(M.fullName) gives the canonical bytes back")
    #expect(try M(decoding: value.encodedBytes()) == value)
  }
}
