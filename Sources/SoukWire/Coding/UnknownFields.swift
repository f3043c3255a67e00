/// Records of a message that the decoding schema does not know, kept byte for byte in the order received.
///
/// A record is unknown when its field number is not in the schema, or when a known number arrives with a wire
/// type the schema does not expect. Encoding writes the records back verbatim after the known fields, so a
/// message passed through an older peer loses nothing.
public struct UnknownFields: Hashable, Sendable {
  /// The concatenated raw records: each tag varint followed by its value bytes.
  @usableFromInline
  internal var storage: [UInt8]

  /// Creates an empty set of unknown fields.
  @inlinable
  public init() {
    self.storage = []
  }

  /// Whether no unknown record was kept.
  @inlinable
  public var isEmpty: Bool { self.storage.isEmpty }

  /// The number of bytes the kept records occupy when encoded.
  @inlinable
  public var byteCount: Int { self.storage.count }

  /// The kept records, concatenated exactly as they were received.
  public var rawBytes: [UInt8] { self.storage }
}
