/// Resolves who is calling from a call's metadata (the `authorization` entry) or its client certificate.
///
/// The server runs it before any handler and then checks the resolved principal's role against the roles the
/// method declares: no principal for a non-public method ends the call with `unauthenticated`, a role the method
/// does not allow with `permissionDenied`.
public protocol Authenticator: Sendable {
  /// The caller, or nil when the call carries no credentials.
  ///
  /// - Throws: ``RPCError`` `unauthenticated` for credentials that are present but not valid (unknown or revoked
  ///   key, malformed header).
  func authenticate(metadata: Metadata, peer: PeerInfo) async throws -> Principal?
}

extension Metadata {
  /// The bearer token of the `authorization` entry (`Bearer <token>`), if there is one.
  public var bearerToken: String? {
    guard let value = self.firstString(forKey: "authorization") else { return nil }
    let prefix = "Bearer "
    guard value.count > prefix.count, value.prefix(prefix.count).lowercased() == prefix.lowercased() else {
      return nil
    }
    return String(value.dropFirst(prefix.count))
  }
}
