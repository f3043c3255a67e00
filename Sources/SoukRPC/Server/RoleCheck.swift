package import SoukWire

/// The check that runs before every handler: the method's declared roles against the authenticated principal.
package enum RoleCheck {
  /// Throws `unauthenticated` when a non-public method has no principal, `permissionDenied` when the
  /// principal's role is not among the method's roles.
  package static func enforce(_ descriptor: MethodDescriptor, principal: Principal?) throws(RPCError) {
    if descriptor.roles.contains(.public) { return }
    guard let principal else {
      throw RPCError(code: .unauthenticated, message: "\(descriptor.fullName) requires credentials")
    }
    guard descriptor.roles.contains(principal.role) else {
      throw RPCError(
        code: .permissionDenied,
        message: "\(descriptor.fullName) is not allowed for the \(principal.role.rawValue) role"
      )
    }
  }
}
