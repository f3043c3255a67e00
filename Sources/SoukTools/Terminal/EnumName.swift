/// Names of the generated enums' cases for people and command lines: `deliveryRefused` is shown as
/// `delivery-refused` in tables and options, `delivery_refused` in JSON, and any of these (or the schema's
/// `FULFILMENT_STATUS_DELIVERY_REFUSED` without its prefix) is read back.
public enum EnumName {
  /// `value`'s case as `delivery-refused`; an unknown number as `unrecognized-7`.
  public static func kebab<Value>(_ value: Value) -> String {
    self.words(value).joined(separator: "-")
  }

  /// `value`'s case as `delivery_refused`.
  public static func snake<Value>(_ value: Value) -> String {
    self.words(value).joined(separator: "_")
  }

  /// `value`'s case as `delivery refused`.
  public static func spaced<Value>(_ value: Value) -> String {
    self.words(value).joined(separator: " ")
  }

  /// The case of `Value` that `text` names, ignoring case, `-`, `_` and spaces; `nil` when none does.
  public static func parse<Value: CaseIterable>(_ text: String, as type: Value.Type = Value.self) -> Value? {
    let wanted = self.folded(text)
    return Value.allCases.first { self.folded(self.snake($0)) == wanted }
  }

  private static func folded(_ text: String) -> String {
    String(text.lowercased().filter { $0 != "-" && $0 != "_" && $0 != " " })
  }

  private static func words<Value>(_ value: Value) -> [String] {
    let name = String(describing: value).filter { $0 != "(" && $0 != ")" }
    var words: [String] = []
    var current = ""
    for character in name {
      if character.isUppercase && !current.isEmpty {
        words.append(current)
        current = ""
      }
      current.append(contentsOf: character.lowercased())
    }
    if !current.isEmpty { words.append(current) }
    return words
  }
}
