import NIOCore
import SoukRPC
import SoukTestSupport
import Testing

/// Every input a libFuzzer target ever crashed on (kept in `FuzzTesting/FailCases`) is fed to the frame decoder
/// again here, set up and checked as `FuzzTesting/Sources/FuzzFrameDecoder` does, so a regression shows up in the
/// ordinary test run and not only when someone fuzzes.
@Suite("Frame decoder fuzzer fail cases")
struct FrameFuzzFailCaseTests {
  /// The fuzzer's check of one input: its first byte sets the decoder up and the piece size, the rest is fed in.
  static func check(_ input: [UInt8], name: String) {
    guard let setup = input.first else { return }
    let bytes = Array(input.dropFirst())
    let limits =
      setup & 2 == 2
      ? FrameDecoder.Limits(maxFrameBytes: 16_384, maxMetadataBytes: 32)
      : FrameDecoder.Limits()
    let pieceSize = Int(setup >> 2) + 1
    let whole = FrameStream.decode(bytes, expectsPreface: setup & 1 == 1, limits: limits)
    let pieces = FrameStream.decode(bytes, expectsPreface: setup & 1 == 1, limits: limits, chunkSize: { pieceSize })
    #expect(whole.frames == pieces.frames, "\(name)")
    #expect(whole.error == pieces.error, "\(name)")
    for frame in whole.frames {
      if case .streamError = frame.payload { continue }
      let again = FrameStream.decode(
        FrameStream.encode([frame]),
        expectsPreface: false,
        limits: FrameDecoder.Limits(maxFrameBytes: 16_777_215)
      )
      #expect(again.frames == [frame], "\(name)")
    }
  }

  @Test("each saved crashing input is decoded without trapping, with the fuzzer's invariants")
  func failCasesStayFixed() throws {
    for failCase in try FuzzFailCases.all() {
      Self.check(failCase.bytes, name: failCase.name)
    }
  }

  @Test("the check itself catches what the fuzzer looks for: a hand-made stream of every frame, cut in pieces")
  func checkRunsOnAValidStream() {
    let stream = [UInt8(0b0000_1101)] + FrameStream.encode(SampleFrames.all, preface: true)
    let outcome = FrameStream.decode(Array(stream.dropFirst()), expectsPreface: true, chunkSize: { 4 })
    #expect(outcome.frames == SampleFrames.all)
    Self.check(stream, name: "every sample frame")
  }
}
