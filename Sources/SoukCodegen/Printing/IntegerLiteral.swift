/// Spells integers as Swift literals the way the project's formatter wants them.
enum IntegerLiteral {
  /// Decimal, with `_` between groups of three digits from seven digits on: `130`, `16384`, `4_294_967_290`.
  static func decimal<Value: BinaryInteger>(_ value: Value) -> String {
    let digits = String(value.magnitude)
    let sign = value < 0 ? "-" : ""
    guard digits.count >= 7 else { return sign + digits }
    var groups: [Substring] = []
    var end = digits.endIndex
    while end > digits.startIndex {
      let start = digits.index(end, offsetBy: -3, limitedBy: digits.startIndex) ?? digits.startIndex
      groups.insert(digits[start..<end], at: 0)
      end = start
    }
    return sign + groups.joined(separator: "_")
  }
}
