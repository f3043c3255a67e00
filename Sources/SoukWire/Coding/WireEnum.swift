/// An enum of a schema, carried on the wire as the varint of its 32-bit value.
///
/// Generated enums have one case per schema value plus `case unrecognized(Int32)`, so a value a newer peer sends
/// is kept and written back unchanged instead of being lost.
public protocol WireEnum: Sendable, Hashable, RawRepresentable where RawValue == Int32 {
  /// Creates the case for `rawValue`; a value the schema does not name becomes `.unrecognized(rawValue)`.
  init(rawValue: Int32)

  /// The value's number in the schema.
  var rawValue: Int32 { get }

  /// The case numbered 0, which a singular field holds when nothing was sent.
  static var defaultValue: Self { get }
}
