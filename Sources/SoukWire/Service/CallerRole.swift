/// Who may call a method; the schema lists the roles of every method.
///
/// `public` means callers without any key may call the method, in addition to the other roles listed.
public enum CallerRole: String, Hashable, Sendable, CaseIterable {
  /// Anyone, including callers that present no key.
  case `public`
  /// The marketplace operator.
  case admin
  /// A partner e-shop.
  case partner
  /// A producer cooperative.
  case cooperative
}
