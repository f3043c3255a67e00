public import SoukAPI
public import SoukMarket

/// Amounts of money as people in Morocco read them: `1 234.50 MAD`, thousands grouped with a space, always two
/// decimals, never through floating point.
public enum MoneyText {
  /// `centimes` as dirhams with two decimals and grouped thousands, without the currency: `1 234.50`, `-0.05`.
  public static func decimal(centimes: Int64, grouping: Bool = true) -> String {
    let negative = centimes < 0
    // The magnitude as UInt64, so that Int64.min does not overflow.
    let magnitude = centimes.magnitude
    let whole = String(magnitude / 100)
    let fraction = magnitude % 100
    let grouped = grouping ? Self.grouped(whole) : whole
    return (negative ? "-" : "") + grouped + "." + (fraction < 10 ? "0" : "") + String(fraction)
  }

  /// `centimes` of `currency` for a table: `1 234.50 MAD`.
  public static func format(centimes: Int64, currency: String = SoukCommonV1.Money.madCurrencyCode) -> String {
    "\(self.decimal(centimes: centimes)) \(currency)"
  }

  /// `money` for a table (`1 234.50 MAD`), or the empty string when it is not set.
  public static func format(_ money: SoukCommonV1.Money?) -> String {
    guard let money else { return "" }
    let currency = money.currencyCode.isEmpty ? SoukCommonV1.Money.madCurrencyCode : money.currencyCode
    return self.format(centimes: money.amountMinor, currency: currency)
  }

  private static func grouped(_ digits: String) -> String {
    var result = ""
    for (index, digit) in digits.enumerated() {
      if index > 0 && (digits.count - index) % 3 == 0 { result.append(" ") }
      result.append(digit)
    }
    return result
  }
}
