/// Why a varint could not be read from a ``NIOCore/ByteBuffer``.
package enum VarintError: Error, Hashable, Sendable {
  /// The bytes ended before the varint's last byte (one without the continuation bit).
  case truncated
  /// The varint is longer than 10 bytes, or its 10th byte is above 1, so its value does not fit in 64 bits.
  case malformed
}
