import FuzzerDriver
import SoukAPI
import SoukWire

/// libFuzzer's entry point: decodes the input as a message and checks the decoder's invariants.
///
/// Any input may fail to decode (with a typed error); what must never happen is a trap, a sanitizer report, an
/// error offset outside the input, or a decoded message whose canonical encoding does not decode back to the
/// same bytes. A violated invariant traps, so libFuzzer saves the input as a crash.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzWireDecoding(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
  let bytes = start.map { Array(UnsafeBufferPointer(start: $0, count: count)) } ?? []
  for type in fuzzedMessages {
    check(type, bytes)
  }
  return 0
}

/// The API messages the input is decoded as: between them every kind of field (nested and repeated messages,
/// packed enums, one-ofs, a map, Arabic text).
private let fuzzedMessages: [any WireMessage.Type] = [
  SoukCatalogV1.Product.self,
  SoukCatalogV1.CatalogChange.self,
  SoukOrdersV1.Order.self,
  SoukOrdersV1.PlaceOrderRequest.self,
  SoukCommonV1.ErrorDetail.self,
]

/// Small limits, so the fuzzer also explores the limit checks.
private let limits = DecodingLimits(
  maxMessageBytes: 1 << 20,
  maxDepth: 12,
  maxCollectionElements: 4_096
)

private func check<M: WireMessage>(_ type: M.Type, _ bytes: [UInt8]) {
  let message: M
  do throws(WireDecodingError) {
    message = try M(decoding: bytes, limits: limits)
  } catch {
    precondition(
      error.offset >= 0 && error.offset <= bytes.count,
      "offset outside the input: \(error)"
    )
    return
  }
  let canonical = message.encodedBytes()
  precondition(
    canonical.count == message.encodedSize(),
    "encodedSize() disagrees with encodedBytes()"
  )
  do throws(WireDecodingError) {
    let again = try M(decoding: canonical, limits: .default)
    precondition(again.encodedBytes() == canonical, "canonical encoding is not stable")
  } catch {
    preconditionFailure("a canonical encoding failed to decode: \(error)")
  }
}

/// The program's entry point, named after the target so SwiftPM's linker flags find it; see ``runLibFuzzer``.
@_cdecl("FuzzWireDecoding_main")
public func fuzzerMain(
  _ argc: CInt,
  _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?
) -> CInt {
  runLibFuzzer(argc, argv, fuzzWireDecoding)
}
