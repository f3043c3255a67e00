package import NIOCore

/// The 10-byte header in front of every frame's payload: payload length (u32), type, flags, stream id (u32),
/// big-endian.
package struct FrameHeader: Sendable, Hashable {
  /// The size of a header on the wire.
  package static let byteCount = 10

  /// The largest stream id: the high bit of the stream id field is reserved and always 0.
  package static let maxStreamID: UInt32 = 0x7FFF_FFFF

  /// The payload length in bytes, excluding the header.
  package var length: UInt32
  /// The type byte as received (not necessarily a known ``FrameType``).
  package var type: UInt8
  /// The flag bits.
  package var flags: FrameFlags
  /// The stream id field, including the reserved high bit.
  package var streamID: UInt32

  /// Creates a header.
  package init(length: UInt32, type: UInt8, flags: FrameFlags, streamID: UInt32) {
    self.length = length
    self.type = type
    self.flags = flags
    self.streamID = streamID
  }

  /// Reads a header at the reader index without consuming it; nil if fewer than ``byteCount`` bytes are
  /// readable.
  package static func peek(in buffer: ByteBuffer) -> FrameHeader? {
    let start = buffer.readerIndex
    guard buffer.readableBytes >= Self.byteCount,
      let length = buffer.getInteger(at: start, as: UInt32.self),
      let type = buffer.getInteger(at: start + 4, as: UInt8.self),
      let flags = buffer.getInteger(at: start + 5, as: UInt8.self),
      let streamID = buffer.getInteger(at: start + 6, as: UInt32.self)
    else { return nil }
    return FrameHeader(length: length, type: type, flags: FrameFlags(rawValue: flags), streamID: streamID)
  }

  /// Writes the header at `index` of `buffer`, which must already hold ``byteCount`` bytes there.
  package func set(at index: Int, in buffer: inout ByteBuffer) {
    buffer.setInteger(self.length, at: index)
    buffer.setInteger(self.type, at: index + 4)
    buffer.setInteger(self.flags.rawValue, at: index + 5)
    buffer.setInteger(self.streamID, at: index + 6)
  }

  /// Appends the header to `buffer`.
  package func write(to buffer: inout ByteBuffer) {
    buffer.writeInteger(self.length)
    buffer.writeInteger(self.type)
    buffer.writeInteger(self.flags.rawValue)
    buffer.writeInteger(self.streamID)
  }
}
