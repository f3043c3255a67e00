/// Prices in Moroccan dirhams as people write them in a spreadsheet, and back.
///
/// `45,50`, `45.50`, `45.5`, `45`, `1 250,00`, optionally followed by `MAD`, `DH` or `درهم`, are read as
/// centimes with exact integer arithmetic. At most two decimals; never negative.
public enum PriceText {
  /// The largest price accepted: one billion dirhams.
  static let maximumCentimes: Int64 = 100_000_000_000

  /// The amount in centimes written in `text`.
  ///
  /// - Throws: ``ProductFieldError`` saying why `text` is not a price.
  public static func centimes(from text: String) throws(ProductFieldError) -> Int64 {
    var body = Substring(text).trimmingSpaces()
    for suffix in ["MAD", "mad", "DH", "dh", "Dh", "درهم", "د.م."] where body.hasSuffix(suffix) {
      body = body.dropLast(suffix.count).trimmingSpaces()
      break
    }
    if body.hasPrefix("-") {
      throw ProductFieldError("'\(text)' is negative; a price is zero or more")
    }
    guard let number = ExactDecimal(body) else {
      throw ProductFieldError("'\(text)' is not an amount in dirhams (write it like 45,50 or 45.50)")
    }
    guard number.fractionDigits <= 2 else {
      throw ProductFieldError("'\(text)' has more than two decimals; prices are in dirhams and centimes")
    }
    guard let centimes = number.scaled(by: 2), centimes <= Self.maximumCentimes else {
      throw ProductFieldError("'\(text)' is too large for a price")
    }
    return centimes
  }

  /// `centimes` as dirhams with two decimals and a `.` mark, e.g. `45.50` (what `products export` writes).
  public static func format(centimes: Int64) -> String {
    let sign = centimes < 0 ? "-" : ""
    let magnitude = centimes.magnitude
    let fraction = magnitude % 100
    return "\(sign)\(magnitude / 100).\(fraction < 10 ? "0" : "")\(fraction)"
  }
}
