import SoukAPI
public import SoukRPC
public import SoukStore
import SoukTLS

/// Who may call what, as one interceptor, the last before the handler: resolves the caller from its API key
/// (`authorization: Bearer <secret>`) or its client certificate, checks the caller's role against the roles the
/// schema declares for the method, and attaches the caller for the handler (``MarketCall`` reads it).
///
/// A key is found by the secret's prefix and accepted only when the SHA-256 of the secret matches (compared in
/// constant time) and it is neither revoked nor expired. Every refusal of a key has the same message, so a
/// caller never learns whether a prefix exists. A call without an `authorization` entry is a partner's when its
/// verified client certificate names an existing partner (see ``ClientCertificateIdentity``), and has no caller
/// otherwise: it reaches only a method the schema makes `public` (the marketplace has none today), and ends with
/// `unauthenticated` elsewhere. A caller whose role the method does not list ends with `permissionDenied`.
public struct MarketAuthorization: ServerInterceptor {
  private let store: any MarketStore
  /// The message of every refusal of a key.
  static let refusal = "unknown or revoked key"

  /// Creates the interceptor over `store`'s keys and partners.
  public init(store: any MarketStore) {
    self.store = store
  }

  public func intercept(
    context: ServerContext,
    next: @Sendable (ServerContext) async throws -> Void
  ) async throws {
    let caller = try await self.caller(metadata: context.requestMetadata, peer: context.peer)
    try Self.authorize(context.descriptor, caller)
    var context = context
    context.attachments[CallerAttachment.self] = caller
    try await next(context)
  }

  /// Refuses `caller` for `method` unless the method is public or lists the caller's role.
  ///
  /// - Throws: ``RPCError`` `unauthenticated` without a caller, `permissionDenied` for a role not listed.
  static func authorize(_ method: MethodDescriptor, _ caller: Caller?) throws(RPCError) {
    if method.roles.contains(MarketRole.public.rawValue) { return }
    guard let caller else {
      throw RPCError(code: .unauthenticated, message: "\(method.fullName) requires credentials")
    }
    let role = MarketRole(caller.principal.kind)
    guard let role, method.roles.contains(role.rawValue) else {
      throw RPCError(
        code: .permissionDenied,
        message: "\(method.fullName) is not allowed for the \(role?.rawValue ?? "unknown") role"
      )
    }
  }

  /// The caller of the presented key: the admin (no id), a partner or a cooperative (their id), with the key's
  /// prefix; or the partner of the client certificate; nil without either.
  ///
  /// - Throws: ``RPCError`` `unauthenticated` for a malformed header or an unknown, revoked or expired key;
  ///   `unavailable` when the store cannot be read.
  private func caller(metadata: Metadata, peer: PeerInfo) async throws -> Caller? {
    guard metadata.firstString(forKey: "authorization") != nil else {
      return try await self.certificateCaller(peer)
    }
    guard let secret = metadata.bearerToken, let prefix = ApiKeys.prefix(ofSecret: secret) else {
      throw RPCError(code: .unauthenticated, message: Self.refusal)
    }
    let stored: StoredApiKey?
    do {
      stored = try await self.store.apiKey(prefix: prefix)
    } catch let error as StoreError {
      throw MarketError(error).rpcError
    }
    let presentedHash = SHA256.hash(Array(secret.utf8))
    // Compare against a dummy when the prefix is unknown, so both paths take the same time.
    let hashMatches = Self.constantTimeEqual(presentedHash, stored?.secretHash ?? [UInt8](repeating: 0, count: 32))
    let now = SoukCommonV1.Timestamp.now()
    guard let stored, hashMatches, !stored.apiKey.revoked,
      stored.apiKey.expiresAt.map({ $0.micros > now.micros }) ?? true,
      let principal = stored.apiKey.principal, MarketRole(principal.kind) != nil
    else {
      throw RPCError(code: .unauthenticated, message: Self.refusal)
    }
    // Last use is bookkeeping: a store that cannot note it must not refuse the call.
    try? await self.store.recordApiKeyUse(id: stored.apiKey.id, at: now)
    var acting = SoukCommonV1.Principal()
    acting.kind = principal.kind
    acting.id = principal.kind == .admin ? "" : principal.id
    return Caller(principal: acting, apiKeyPrefix: stored.apiKey.prefix)
  }

  /// The partner named by the peer's client certificate; nil without one.
  private func certificateCaller(_ peer: PeerInfo) async throws -> Caller? {
    guard let partnerID = ClientCertificateIdentity.partnerID(of: peer) else { return nil }
    let partner: SoukAdminV1.Partner?
    do {
      partner = try await self.store.partner(id: partnerID)
    } catch let error as StoreError {
      throw MarketError(error).rpcError
    }
    guard partner != nil else {
      throw RPCError(code: .unauthenticated, message: "the client certificate names no partner")
    }
    var principal = SoukCommonV1.Principal()
    principal.kind = .partner
    principal.id = partnerID
    return Caller(principal: principal, apiKeyPrefix: "certificate:\(partnerID)")
  }

  /// True when `left` and `right` are equal, in a time that depends only on their lengths.
  static func constantTimeEqual(_ left: [UInt8], _ right: [UInt8]) -> Bool {
    guard left.count == right.count else { return false }
    var difference: UInt8 = 0
    for index in left.indices { difference |= left[index] ^ right[index] }
    return difference == 0
  }
}

/// The caller ``MarketAuthorization`` resolved, attached to the call for ``MarketCall``.
package enum CallerAttachment: CallAttachmentKey {
  package typealias Value = Caller
}
