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

  /// The value's name as the schema writes it (`FULFILMENT_STATUS_DELIVERY_REFUSED`), as errors send it; nil for
  /// a value this version does not know.
  var schemaName: String? { get }

  /// The value's name without the enum's prefix (`DELIVERY_REFUSED`, SPEC 2.7), as tools show and read it; nil
  /// for a value this version does not know.
  var shortSchemaName: String? { get }
}
