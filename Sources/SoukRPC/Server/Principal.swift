public import SoukWire

/// Who is calling, as authentication resolved it: a role and an identifier within that role.
public struct Principal: Sendable, Hashable, CustomStringConvertible {
  /// The caller's role, checked against the roles a method allows.
  public var role: CallerRole
  /// The caller's identifier within its role (a partner's or cooperative's id; the admin's key id).
  public var id: String
  /// The public name of the credential that identified the caller (an API key's prefix, a certificate's
  /// subject), for logs and audit records; nil when the authenticator gives none.
  public var credential: String?

  /// Creates a principal.
  public init(role: CallerRole, id: String, credential: String? = nil) {
    self.role = role
    self.id = id
    self.credential = credential
  }

  /// `role:id`.
  public var description: String { "\(self.role.rawValue):\(self.id)" }
}
