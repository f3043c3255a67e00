public import SoukWire

/// Names of the generated enums' values for people and command lines, made from the names the schema writes
/// (`FULFILMENT_STATUS_DELIVERY_REFUSED`, without the enum's prefix), never from Swift's case names:
/// `delivery-refused` in tables and options, `delivery_refused` in JSON, `delivery refused` in prose; any of
/// these (or the schema's `DELIVERY_REFUSED`) is read back.
public enum EnumName {
  /// `value`'s name as `delivery-refused`; an unknown number as `unrecognized-7`.
  public static func kebab<Value: WireEnum>(_ value: Value) -> String {
    self.words(value).joined(separator: "-")
  }

  /// `value`'s name as `delivery_refused`.
  public static func snake<Value: WireEnum>(_ value: Value) -> String {
    self.words(value).joined(separator: "_")
  }

  /// `value`'s name as `delivery refused`.
  public static func spaced<Value: WireEnum>(_ value: Value) -> String {
    self.words(value).joined(separator: " ")
  }

  /// The value of `Value` that `text` names, ignoring case, `-`, `_` and spaces; `nil` when none does.
  public static func parse<Value: WireEnum & CaseIterable>(_ text: String, as type: Value.Type = Value.self) -> Value? {
    let wanted = self.folded(text)
    return Value.allCases.first { self.folded(self.snake($0)) == wanted }
  }

  private static func folded(_ text: String) -> String {
    String(text.lowercased().filter { $0 != "-" && $0 != "_" && $0 != " " })
  }

  private static func words<Value: WireEnum>(_ value: Value) -> [String] {
    guard let name = value.shortSchemaName else { return ["unrecognized", String(value.rawValue)] }
    return name.lowercased().split(separator: "_").map(String.init)
  }
}
