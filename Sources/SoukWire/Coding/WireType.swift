/// The four wire types a record can have; the low three bits of every tag.
///
/// Wire types 3 and 4 (protobuf groups), 6 and 7 are invalid in Souk's encoding: a decoder that meets one fails
/// with ``WireDecodingError/Code/invalidWireType``.
public enum WireType: UInt8, Hashable, Sendable, CaseIterable {
  /// A base-128 varint: bool, int32, int64 (zigzag), uint32, uint64, enum.
  case varint = 0
  /// Eight little-endian bytes: double.
  case fixed64 = 1
  /// A varint byte count followed by that many bytes: string, bytes, message, packed repeated, map entry.
  case lengthDelimited = 2
  /// Four little-endian bytes: float.
  case fixed32 = 5
}
