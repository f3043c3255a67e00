public import SoukAPI

/// The roles a method of the marketplace's schema may allow (`option roles = [...]`), by the names the schema
/// writes, and the kind of principal that holds each: the one table between the schema's words and the callers.
public enum MarketRole: String, Sendable, CaseIterable {
  /// Anyone, with or without a key.
  case `public`
  /// The marketplace operator.
  case admin
  /// A partner e-shop.
  case partner
  /// A producer cooperative.
  case cooperative

  /// The role a principal of `kind` holds; nil for a kind the marketplace does not know.
  public init?(_ kind: SoukCommonV1.PrincipalKind) {
    switch kind {
    case .admin: self = .admin
    case .partner: self = .partner
    case .cooperative: self = .cooperative
    default: return nil
    }
  }

}
