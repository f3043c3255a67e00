public import SoukAPI

extension SoukCommonV1.Money {
  /// The currency of every amount in v1: Moroccan dirhams, counted in centimes.
  public static let madCurrencyCode = "MAD"

  /// `centimes` centimes of Moroccan dirhams: the one builder of money, for the server, the tools and the tests.
  public static func mad(_ centimes: Int64) -> SoukCommonV1.Money {
    var money = SoukCommonV1.Money()
    money.amountMinor = centimes
    money.currencyCode = Self.madCurrencyCode
    return money
  }
}
