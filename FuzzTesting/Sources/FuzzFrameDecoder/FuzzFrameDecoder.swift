import FuzzerDriver
import NIOCore

// The frame codec is `package` API of the Souk package, which another package reaches only this way.
@testable import SoukRPC

/// libFuzzer's entry point: feeds the input to the frame decoder and checks its invariants.
///
/// The first byte chooses the decoder's setup (bit 0: a server's decoder, which expects the preface; bit 1:
/// small limits) and the size of the pieces the rest is fed in (bits 2 to 7, plus 1); the rest is the byte
/// stream. Any stream may be refused with a `FrameDecodingError`; what must never happen is a trap, a sanitizer
/// report, an outcome that depends on how the bytes were cut, or an accepted frame that does not write and read
/// back as itself. A violated invariant traps, so libFuzzer saves the input as a crash.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzFrameDecoder(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
  let input = start.map { Array(UnsafeBufferPointer(start: $0, count: count)) } ?? []
  guard let setup = input.first else { return 0 }
  let bytes = Array(input.dropFirst())
  let expectsPreface = setup & 1 == 1
  let limits =
    setup & 2 == 2
    ? FrameDecoder.Limits(maxFrameBytes: 16_384, maxMetadataBytes: 32)
    : FrameDecoder.Limits()
  let pieceSize = Int(setup >> 2) + 1

  let whole = decode(bytes, expectsPreface: expectsPreface, limits: limits, pieceSize: bytes.count + 1)
  let pieces = decode(bytes, expectsPreface: expectsPreface, limits: limits, pieceSize: pieceSize)
  precondition(whole.frames == pieces.frames, "the frames depend on how the input was cut")
  precondition(whole.error == pieces.error, "the error depends on how the input was cut")
  for frame in whole.frames {
    if case .streamError = frame.payload { continue }
    var buffer = ByteBuffer()
    buffer.writeFrame(frame)
    var decoder = FrameDecoder(expectsPreface: false, limits: FrameDecoder.Limits(maxFrameBytes: 16_777_215))
    do {
      let again = try decoder.decode(buffer: &buffer)
      precondition(again == frame, "\(frame) reads back as \(String(describing: again))")
    } catch {
      preconditionFailure("\(frame) was accepted but its encoding is refused: \(error)")
    }
  }
  return 0
}

/// The frames decoded from `bytes` fed `pieceSize` bytes at a time, and the error that stopped decoding.
private func decode(
  _ bytes: [UInt8],
  expectsPreface: Bool,
  limits: FrameDecoder.Limits,
  pieceSize: Int
) -> (frames: [Frame], error: FrameDecodingError?) {
  var decoder = FrameDecoder(expectsPreface: expectsPreface, limits: limits)
  var buffer = ByteBuffer()
  var frames: [Frame] = []
  var offset = 0
  repeat {
    let end = min(offset + pieceSize, bytes.count)
    buffer.writeBytes(bytes[offset..<end])
    offset = end
    do {
      while let frame = try decoder.decode(buffer: &buffer) {
        frames.append(frame)
      }
    } catch {
      return (frames, error)
    }
  } while offset < bytes.count
  return (frames, nil)
}

/// The program's entry point, named after the target so SwiftPM's linker flags find it; see ``runLibFuzzer``.
@_cdecl("FuzzFrameDecoder_main")
public func fuzzerMain(
  _ argc: CInt,
  _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?
) -> CInt {
  runLibFuzzer(argc, argv, fuzzFrameDecoder)
}
