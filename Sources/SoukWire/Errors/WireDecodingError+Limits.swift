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
