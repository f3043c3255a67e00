/// A message that can be written to and read from Souk's binary encoding.
///
/// Generated code conforms every schema message to this protocol; the ``encodedBytes()``,
/// ``encode(into:)`` and ``init(decoding:limits:)-(ByteBuffer,_)`` entry points come from an extension.
/// Conforming types are plain values: encoding never mutates them and decoding builds a new value.
public protocol WireMessage: Sendable, Hashable {
  /// Creates a message with every field at its default value.
  init()

  /// The schema's fully qualified name of the message, e.g. `souk.catalog.v1.Product`.
  static var fullName: String { get }

  /// Records that this version of the schema does not know, kept from decoding and written again on encode.
  var unknownFields: UnknownFields { get set }

  /// The exact number of bytes ``encode(to:)`` writes.
  func encodedSize() -> Int

  /// Writes the message's fields in canonical order, exactly ``encodedSize()`` bytes.
  func encode(to writer: inout WireWriter)

  /// Reads fields from `reader` until it reaches the end of this message, merging them into `self`.
  ///
  /// - Throws: ``WireDecodingError`` when the bytes are malformed or exceed the reader's limits.
  mutating func decode(from reader: inout WireReader) throws(WireDecodingError)
}
