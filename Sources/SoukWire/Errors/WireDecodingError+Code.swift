extension WireDecodingError {
  /// The kind of a decoding failure.
  ///
  /// A struct over a private enum rather than a public enum, so later versions can add codes without breaking
  /// callers; compare with `==` or `switch` over the static members.
  public struct Code: Hashable, Sendable, CustomStringConvertible {
    private enum Wrapped: Hashable, Sendable {
      case truncated
      case malformedVarint
      case invalidWireType
      case invalidUTF8
      case lengthExceedsRemaining
      case messageTooLarge
      case depthExceeded
      case tooManyElements
      case invalidFieldNumber
      case valueOutOfRange
    }

    private let wrapped: Wrapped

    private init(_ wrapped: Wrapped) {
      self.wrapped = wrapped
    }

    /// The input ends inside a varint or a fixed-width value, or a packed fixed-width payload is not a whole
    /// number of elements.
    public static let truncated = Code(.truncated)
    /// A varint is longer than 10 bytes, or its 10th byte is greater than 1 (the value would exceed 64 bits).
    public static let malformedVarint = Code(.malformedVarint)
    /// A tag carries wire type 3, 4, 6 or 7.
    public static let invalidWireType = Code(.invalidWireType)
    /// A string field's bytes are not valid UTF-8.
    public static let invalidUTF8 = Code(.invalidUTF8)
    /// A length prefix is larger than the bytes left in the enclosing message.
    public static let lengthExceedsRemaining = Code(.lengthExceedsRemaining)
    /// The input is larger than ``DecodingLimits/maxMessageBytes``.
    public static let messageTooLarge = Code(.messageTooLarge)
    /// Messages are nested deeper than ``DecodingLimits/maxDepth``.
    public static let depthExceeded = Code(.depthExceeded)
    /// A repeated field or map holds more than ``DecodingLimits/maxCollectionElements`` elements.
    public static let tooManyElements = Code(.tooManyElements)
    /// A tag's field number is 0, or the tag does not fit in 32 bits (field numbers above 2^29 - 1).
    public static let invalidFieldNumber = Code(.invalidFieldNumber)
    /// A varint does not fit its field's type: an int32, uint32 or enum above 32 bits.
    public static let valueOutOfRange = Code(.valueOutOfRange)

    /// The code's name, e.g. `lengthExceedsRemaining`.
    public var description: String {
      switch self.wrapped {
      case .truncated: "truncated"
      case .malformedVarint: "malformedVarint"
      case .invalidWireType: "invalidWireType"
      case .invalidUTF8: "invalidUTF8"
      case .lengthExceedsRemaining: "lengthExceedsRemaining"
      case .messageTooLarge: "messageTooLarge"
      case .depthExceeded: "depthExceeded"
      case .tooManyElements: "tooManyElements"
      case .invalidFieldNumber: "invalidFieldNumber"
      case .valueOutOfRange: "valueOutOfRange"
      }
    }
  }
}
