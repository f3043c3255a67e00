/// A JSON value whose objects keep their keys in the order given, so that tools print stable, readable JSON
/// without going through `Codable` (the generated messages are not `Codable`).
public enum JSONValue: Sendable, Hashable {
  /// `null`.
  case null
  /// `true` or `false`.
  case bool(Bool)
  /// An integer, written exactly (money in centimes, counts, versions).
  case integer(Int64)
  /// An unsigned integer, written exactly.
  case unsigned(UInt64)
  /// A string.
  case string(String)
  /// An array.
  case array([JSONValue])
  /// An object, its members in this order.
  case object([(String, JSONValue)])

  /// The value as compact JSON text on one line (for JSON Lines), with non-ASCII text kept as UTF-8.
  public func serialized() -> String {
    var output = ""
    self.write(to: &output)
    return output
  }

  /// Equality member by member, in order.
  public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
    lhs.serialized() == rhs.serialized()
  }

  /// Hashes the serialized form.
  public func hash(into hasher: inout Hasher) {
    hasher.combine(self.serialized())
  }

  private func write(to output: inout String) {
    switch self {
    case .null: output += "null"
    case .bool(let value): output += value ? "true" : "false"
    case .integer(let value): output += String(value)
    case .unsigned(let value): output += String(value)
    case .string(let value): Self.writeString(value, to: &output)
    case .array(let values):
      output += "["
      for (index, value) in values.enumerated() {
        if index > 0 { output += "," }
        value.write(to: &output)
      }
      output += "]"
    case .object(let members):
      output += "{"
      for (index, (key, value)) in members.enumerated() {
        if index > 0 { output += "," }
        Self.writeString(key, to: &output)
        output += ":"
        value.write(to: &output)
      }
      output += "}"
    }
  }

  private static func writeString(_ text: String, to output: inout String) {
    output += "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": output += "\\\""
      case "\\": output += "\\\\"
      case "\n": output += "\\n"
      case "\r": output += "\\r"
      case "\t": output += "\\t"
      case _ where scalar.value < 0x20 || scalar.value == 0x2028 || scalar.value == 0x2029:
        let hex = String(scalar.value, radix: 16)
        output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
      default: output.unicodeScalars.append(scalar)
      }
    }
    output += "\""
  }
}
