public import SoukWire

/// Who is calling, as authentication resolved it: a role and an identifier within that role.
public struct Principal: Sendable, Hashable, CustomStringConvertible {
  /// The caller's role, checked against the roles a method allows.
  public var role: CallerRole
  /// The caller's identifier within its role (a partner's or cooperative's id; the admin's key id).
  public var id: String

  /// Creates a principal.
  public init(role: CallerRole, id: String) {
    self.role = role
    self.id = id
  }

  /// `role:id`.
  public var description: String { "\(self.role.rawValue):\(self.id)" }
}
