import NIOCore
import SoukRPC

/// Runs a ``FrameDecoder`` over a whole byte stream, fed in chunks, the way a channel would feed it.
enum FrameStream {
  /// What decoding a stream gave: the frames before the first error, the error if any, and how many bytes were
  /// left undecoded at the end (a partial frame).
  struct Outcome {
    var frames: [Frame] = []
    var error: FrameDecodingError?
    var leftoverBytes = 0
  }

  /// Decodes `bytes`, fed in chunks of the sizes `chunkSizes` returns in turn (the last chunk may be shorter);
  /// stops at the first error.
  static func decode(
    _ bytes: [UInt8],
    expectsPreface: Bool,
    limits: FrameDecoder.Limits = FrameDecoder.Limits(),
    chunkSize: () -> Int = { .max }
  ) -> Outcome {
    var decoder = FrameDecoder(expectsPreface: expectsPreface, limits: limits)
    var buffer = ByteBuffer()
    var outcome = Outcome()
    var offset = 0
    repeat {
      let end = offset + min(max(chunkSize(), 1), bytes.count - offset)
      buffer.writeBytes(bytes[offset..<end])
      offset = end
      do {
        while let frame = try decoder.decode(buffer: &buffer) {
          outcome.frames.append(frame)
        }
      } catch {
        outcome.error = error
        return outcome
      }
    } while offset < bytes.count
    outcome.leftoverBytes = buffer.readableBytes
    return outcome
  }

  /// The bytes of `frames` as `writeFrame` writes them, after the preface if `preface` is true.
  static func encode(_ frames: [Frame], preface: Bool = false) -> [UInt8] {
    var buffer = ByteBuffer()
    if preface { buffer.writePreface() }
    for frame in frames { buffer.writeFrame(frame) }
    return Array(buffer.readableBytesView)
  }
}
