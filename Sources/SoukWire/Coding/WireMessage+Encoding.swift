public import NIOCore

extension WireMessage {
  /// Encodes the message into a new byte array of exactly ``encodedSize()`` bytes.
  @inlinable
  public func encodedBytes() -> [UInt8] {
    let size = self.encodedSize()
    if size == 0 { return [] }
    return [UInt8](unsafeUninitializedCapacity: size) { buffer, initializedCount in
      guard let base = buffer.baseAddress else {
        preconditionFailure("a non-empty array has storage")
      }
      var writer = WireWriter(base: UnsafeMutableRawPointer(base), capacity: size)
      self.encode(to: &writer)
      precondition(writer.position == size, "SoukWire: encode(to:) wrote less than encodedSize()")
      initializedCount = size
    }
  }

  /// Appends the message's encoding to `buffer`: computes ``encodedSize()`` once, reserves once, writes once.
  ///
  /// Traps if the message's `encode(to:)` and `encodedSize()` disagree (a bug in hand-written conformances;
  /// generated ones always agree); memory outside the reserved bytes is never touched.
  @inlinable
  public func encode(into buffer: inout ByteBuffer) {
    let size = self.encodedSize()
    if size == 0 { return }
    buffer.writeWithUnsafeMutableBytes(minimumWritableBytes: size) { bytes in
      guard let base = bytes.baseAddress else {
        preconditionFailure("reserved capacity has storage")
      }
      var writer = WireWriter(base: base, capacity: size)
      self.encode(to: &writer)
      precondition(writer.position == size, "SoukWire: encode(to:) wrote less than encodedSize()")
      return size
    }
  }
}
