/// Bounds that decoding untrusted input enforces; exceeding one fails with a typed ``WireDecodingError``.
///
/// Decoding never allocates more than the input's own length justifies, whatever the limits say; the limits
/// additionally cap work on inputs that are well-formed but unreasonably large or deep.
public struct DecodingLimits: Hashable, Sendable {
  /// The largest input accepted, checked before any byte is decoded
  /// (fails with ``WireDecodingError/Code/messageTooLarge``).
  public var maxMessageBytes: Int

  /// The deepest nesting of messages (map entries included) below the top-level message
  /// (fails with ``WireDecodingError/Code/depthExceeded``).
  public var maxDepth: Int

  /// The most elements a single repeated field or map may hold
  /// (fails with ``WireDecodingError/Code/tooManyElements``).
  public var maxCollectionElements: Int

  /// Creates limits; each parameter defaults to the value in ``default``.
  public init(
    maxMessageBytes: Int = 4 * 1024 * 1024,
    maxDepth: Int = 64,
    maxCollectionElements: Int = 1_000_000
  ) {
    self.maxMessageBytes = maxMessageBytes
    self.maxDepth = maxDepth
    self.maxCollectionElements = maxCollectionElements
  }

  /// 4 MiB per message, 64 levels of nesting, 1,000,000 elements per repeated field or map.
  public static let `default` = DecodingLimits()
}
