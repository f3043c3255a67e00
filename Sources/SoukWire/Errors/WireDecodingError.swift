/// The failure to decode bytes as a message: what went wrong, and where.
///
/// Callers switch on ``code``; people read ``description``, which names the innermost message and field, the
/// problem, and the absolute byte offset in the input, e.g.
/// `field 4 of souk.catalog.v1.Product: length 9000 exceeds remaining 12 bytes at offset 31`.
public struct WireDecodingError: Error, Hashable, Sendable, CustomStringConvertible {
  /// What kind of problem stopped decoding.
  public var code: Code

  /// The offset, from the first byte of the input, of the item that could not be decoded (the start of the
  /// tag, varint, length prefix or value at fault; for a string that is not UTF-8, the start of its bytes).
  public var offset: Int

  /// The problem, for people, without location: e.g. `length 9000 exceeds remaining 12 bytes`.
  public var message: String

  /// The innermost message and field being decoded, e.g. `field 4 of souk.catalog.v1.Product`; `nil` when the
  /// error is not tied to a message, e.g. when the whole input is over the size limit.
  public var context: String?

  /// Creates an error; the runtime fills `context` with the innermost message and field.
  public init(code: Code, offset: Int, message: String, context: String? = nil) {
    self.code = code
    self.offset = offset
    self.message = message
    self.context = context
  }

  /// The full text: `context: message at offset N`, or `message at offset N` without a context.
  public var description: String {
    if let context {
      return "\(context): \(self.message) at offset \(self.offset)"
    }
    return "\(self.message) at offset \(self.offset)"
  }
}

extension WireDecodingError {
  /// The error for an input larger than ``DecodingLimits/maxMessageBytes``, reported at offset 0.
  @usableFromInline
  @inline(never)
  internal static func messageTooLarge(
    _ messageType: any WireMessage.Type,
    byteCount: Int,
    limit: Int
  ) -> WireDecodingError {
    WireDecodingError(
      code: .messageTooLarge,
      offset: 0,
      message: "message of \(byteCount) bytes exceeds the limit of \(limit) bytes",
      context: messageType.fullName
    )
  }
}
