/// A non-negative decimal number as written in a cell, kept exactly: `45,50` is 4550 with two fraction digits.
///
/// Accepts `.` or `,` as the decimal mark and spaces (also no-break and thin spaces) between digit groups,
/// as spreadsheets in French and English write them: `1 250,50`, `45.5`, `250`. No floating point is involved,
/// so converting to centimes or grams is exact or refused.
struct ExactDecimal: Sendable, Hashable {
  /// The digits as an integer: 4550 for `45,50`.
  var digits: Int64
  /// How many of the digits are after the decimal mark: 2 for `45,50`.
  var fractionDigits: Int

  /// Reads `text`; nil when it is not a plain non-negative decimal number (or has more than 15 digits).
  init?(_ text: some StringProtocol) {
    var digits: Int64 = 0
    var fractionDigits = 0
    var seenMark = false
    var seenDigit = false
    var count = 0
    for scalar in text.unicodeScalars {
      switch scalar {
      case "0"..."9":
        count += 1
        guard count <= 15 else { return nil }
        digits = digits * 10 + Int64(scalar.value - 48)
        seenDigit = true
        if seenMark { fractionDigits += 1 }
      case ".", ",":
        guard !seenMark, seenDigit else { return nil }
        seenMark = true
      case " ", "\u{00A0}", "\u{202F}", "\u{2009}":
        guard seenDigit, !seenMark else { return nil }
      default:
        return nil
      }
    }
    guard seenDigit, !(seenMark && fractionDigits == 0) else { return nil }
    self.digits = digits
    self.fractionDigits = fractionDigits
  }

  /// The number times 10^`scale` when that is a whole number that fits, e.g. `1,5` scaled by 3 is 1500.
  func scaled(by scale: Int) -> Int64? {
    guard scale >= self.fractionDigits else {
      var value = self.digits
      for _ in 0..<(self.fractionDigits - scale) {
        guard value % 10 == 0 else { return nil }
        value /= 10
      }
      return value
    }
    var value = self.digits
    for _ in 0..<(scale - self.fractionDigits) {
      let (product, overflow) = value.multipliedReportingOverflow(by: 10)
      guard !overflow else { return nil }
      value = product
    }
    return value
  }
}
