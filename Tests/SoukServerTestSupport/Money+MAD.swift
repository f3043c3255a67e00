package import SoukAPI

extension SoukCommonV1.Money {
  /// An amount of Moroccan dirhams in centimes.
  package static func mad(_ centimes: Int64) -> SoukCommonV1.Money {
    var money = SoukCommonV1.Money()
    money.amountMinor = centimes
    money.currencyCode = "MAD"
    return money
  }
}
