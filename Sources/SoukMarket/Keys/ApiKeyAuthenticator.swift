import SoukAPI
public import SoukRPC
public import SoukStore
import SoukTLS
import SoukWire

/// Resolves a call's `authorization: Bearer <secret>` to its principal through the store's API keys.
///
/// The key is found by the secret's prefix and accepted only when the SHA-256 of the secret matches (compared
/// in constant time) and it is neither revoked nor expired. Every refusal has the same message, so a caller
/// never learns whether a prefix exists. A call without an `authorization` entry is a partner's when its verified
/// client certificate names an existing partner (see ``ClientCertificateIdentity``), and has no principal
/// otherwise.
public struct ApiKeyAuthenticator: Authenticator {
  private let store: any MarketStore
  /// The message of every refusal.
  static let refusal = "unknown or revoked key"

  /// Creates an authenticator over `store`'s keys.
  public init(store: any MarketStore) {
    self.store = store
  }

  /// The principal of the presented key: the admin (id: the key's id), a partner or a cooperative (id: theirs),
  /// with the key's prefix as credential.
  ///
  /// - Throws: ``RPCError`` `unauthenticated` for a malformed header or an unknown, revoked or expired key;
  ///   `unavailable` when the store cannot be read.
  public func authenticate(metadata: Metadata, peer: PeerInfo) async throws -> Principal? {
    guard metadata.firstString(forKey: "authorization") != nil else {
      return try await self.certificatePrincipal(peer)
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
      let role = Self.role(of: stored.apiKey.principal)
    else {
      throw RPCError(code: .unauthenticated, message: Self.refusal)
    }
    // Last use is bookkeeping: a store that cannot note it must not refuse the call.
    try? await self.store.recordApiKeyUse(id: stored.apiKey.id, at: now)
    let id = role == .admin ? stored.apiKey.id : stored.apiKey.principal?.id ?? ""
    return Principal(role: role, id: id, credential: stored.apiKey.prefix)
  }

  /// The partner named by the peer's client certificate; nil without one.
  private func certificatePrincipal(_ peer: PeerInfo) async throws -> Principal? {
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
    return Principal(role: .partner, id: partnerID, credential: "certificate:\(partnerID)")
  }

  private static func role(of principal: SoukCommonV1.Principal?) -> CallerRole? {
    switch principal?.kind {
    case .admin: .admin
    case .partner: .partner
    case .cooperative: .cooperative
    default: nil
    }
  }

  /// True when `left` and `right` are equal, in a time that depends only on their lengths.
  static func constantTimeEqual(_ left: [UInt8], _ right: [UInt8]) -> Bool {
    guard left.count == right.count else { return false }
    var difference: UInt8 = 0
    for index in left.indices { difference |= left[index] ^ right[index] }
    return difference == 0
  }
}
