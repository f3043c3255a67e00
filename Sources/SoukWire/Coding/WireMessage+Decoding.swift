public import NIOCore

extension WireMessage {
  /// Decodes a message from the readable bytes of `buffer`, reading them in place; the buffer is not consumed.
  ///
  /// - Parameters:
  ///   - buffer: The encoded message, exactly (no length prefix, nothing after it).
  ///   - limits: The bounds to enforce on this untrusted input.
  /// - Throws: ``WireDecodingError`` describing what is wrong, where (absolute offset in the readable bytes),
  ///   and in which message and field.
  @inlinable
  public init(
    decoding buffer: ByteBuffer,
    limits: DecodingLimits = .default
  ) throws(WireDecodingError) {
    var message = Self()
    try buffer.withUnsafeReadableBytes {
      (bytes: UnsafeRawBufferPointer) throws(WireDecodingError) in
      try message.decodeWhole(bytes, limits: limits)
    }
    self = message
  }

  /// Decodes a message from `bytes`.
  ///
  /// - Parameters:
  ///   - bytes: The encoded message, exactly (no length prefix, nothing after it).
  ///   - limits: The bounds to enforce on this untrusted input.
  /// - Throws: ``WireDecodingError`` describing what is wrong, where (offset in `bytes`), and in which message
  ///   and field.
  @inlinable
  public init(decoding bytes: [UInt8], limits: DecodingLimits = .default) throws(WireDecodingError) {
    var message = Self()
    // Array.withUnsafeBytes rethrows untyped errors, so the typed error is passed out as a value.
    let failure = bytes.withUnsafeBytes { (raw: UnsafeRawBufferPointer) -> WireDecodingError? in
      do throws(WireDecodingError) {
        try message.decodeWhole(raw, limits: limits)
        return nil
      } catch {
        return error
      }
    }
    if let failure { throw failure }
    self = message
  }

  /// Checks the size limit, then decodes all of `bytes` into `self`.
  @inlinable
  internal mutating func decodeWhole(
    _ bytes: UnsafeRawBufferPointer,
    limits: DecodingLimits
  ) throws(WireDecodingError) {
    guard bytes.count <= limits.maxMessageBytes else {
      throw WireDecodingError.messageTooLarge(
        Self.self,
        byteCount: bytes.count,
        limit: limits.maxMessageBytes
      )
    }
    guard let base = bytes.baseAddress, bytes.count > 0 else { return }
    var reader = WireReader(base: base, count: bytes.count, limits: limits, messageType: Self.self)
    try self.decode(from: &reader)
  }
}
