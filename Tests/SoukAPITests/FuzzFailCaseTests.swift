import SoukAPI
import SoukTestSupport
import SoukWire
import Testing

/// Every input the libFuzzer target ever crashed on (kept in `FuzzTesting/FailCases`) is decoded again here, as
/// the same API messages and with the same invariants, so a regression shows up in the ordinary test run and
/// not only when someone fuzzes.
@Suite("Fuzzer fail cases")
struct FuzzFailCaseTests {
  /// The messages `FuzzTesting/Sources/FuzzWireDecoding` decodes its input as.
  static let fuzzedMessages: [any WireMessage.Type] = [
    SoukCatalogV1.Product.self,
    SoukCatalogV1.CatalogChange.self,
    SoukOrdersV1.Order.self,
    SoukOrdersV1.PlaceOrderRequest.self,
    SoukCommonV1.ErrorDetail.self,
  ]

  @Test("each saved crashing input decodes without trapping, with the fuzzer's invariants")
  func failCasesStayFixed() throws {
    for failCase in try FuzzFailCases.all() {
      for type in Self.fuzzedMessages {
        Self.check(type, failCase.bytes)
      }
    }
  }

  private static func check<M: WireMessage>(_: M.Type, _ input: [UInt8]) {
    let limits = DecodingLimits(maxMessageBytes: 1 << 20, maxDepth: 12, maxCollectionElements: 4_096)
    do throws(WireDecodingError) {
      let message = try M(decoding: input, limits: limits)
      let canonical = message.encodedBytes()
      #expect(canonical.count == message.encodedSize())
      #expect(try M(decoding: canonical).encodedBytes() == canonical)
    } catch {
      #expect(error.offset >= 0 && error.offset <= input.count)
    }
  }
}
