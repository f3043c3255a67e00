package import NIOCore
import SoukWire

extension ByteBuffer {
  /// Reads an unsigned LEB128 varint (SPEC section 3.3): at most 10 bytes, the 10th being 0 or 1; non-minimal
  /// forms are accepted.
  ///
  /// Never traps, whatever the bytes.
  ///
  /// - Throws: ``VarintError/truncated`` if the readable bytes end inside the varint,
  ///   ``VarintError/malformed`` if it is longer than 10 bytes or larger than 64 bits. On error the reader
  ///   index is unchanged.
  package mutating func readVarint() throws(VarintError) -> UInt64 {
    let view = self.readableBytesView
    var index = view.startIndex
    var value: UInt64 = 0
    for byteNumber in 0..<10 {
      guard index < view.endIndex else { throw .truncated }
      let byte = view[index]
      index += 1
      if byteNumber == 9 {
        // Only one bit of a 64-bit value is left for the 10th byte, and it must end the varint.
        guard byte <= 1 else { throw .malformed }
      }
      value |= UInt64(byte & 0x7F) << UInt64(7 * byteNumber)
      if byte < 0x80 {
        self.moveReaderIndex(forwardBy: byteNumber + 1)
        return value
      }
    }
    // Unreachable: the 10th byte is 0 or 1 and ends the loop; kept for the compiler.
    throw .malformed
  }

  /// Writes `value` as a minimal unsigned LEB128 varint and returns the number of bytes written (1 to 10).
  @discardableResult
  package mutating func writeVarint(_ value: UInt64) -> Int {
    let size = WireSize.varint(value)
    var remaining = value
    while remaining >= 0x80 {
      self.writeInteger(UInt8(truncatingIfNeeded: remaining) | 0x80)
      remaining >>= 7
    }
    self.writeInteger(UInt8(truncatingIfNeeded: remaining))
    return size
  }
}

/// Why a varint could not be read from a ``NIOCore/ByteBuffer``.
package enum VarintError: Error, Hashable, Sendable {
  /// The bytes ended before the varint's last byte (one without the continuation bit).
  case truncated
  /// The varint is longer than 10 bytes, or its 10th byte is above 1, so its value does not fit in 64 bits.
  case malformed
}
