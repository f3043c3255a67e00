package import SoukAPI
public import SoukStore
import SoukTLS

/// API key secrets: making them, and the first admin key of a fresh store.
///
/// A secret is `<prefix>_<43 base62 characters>` (256 random bits); its prefix names the kind and is unique:
/// `souk_admin_…`, `souk_partner_…` or `souk_coop_…` followed by 10 base62 characters. Only the SHA-256 of the
/// whole secret is stored; the prefix (the part before the secret's last `_`) finds the key.
public enum ApiKeys {
  /// Random base62 characters after the kind in a prefix.
  static let prefixRandomCount = 10
  /// Random base62 characters of a secret after its prefix (43 × log2(62) ≈ 256 bits).
  static let secretRandomCount = 43

  /// The readable kind a prefix starts with.
  static func kindName(_ kind: SoukCommonV1.PrincipalKind) -> String {
    switch kind {
    case .admin: "admin"
    case .partner: "partner"
    case .cooperative: "coop"
    default: "unknown"
    }
  }

  /// The prefix of `secret`: everything before its last `_`; nil when it has none.
  package static func prefix(ofSecret secret: String) -> String? {
    guard let cut = secret.lastIndex(of: "_"), cut != secret.startIndex else { return nil }
    return String(secret[..<cut])
  }

  /// Makes a key for `principal`, stores it (its hash only) and returns its facts with the secret.
  package static func issue(
    store: any MarketStore,
    principal: SoukCommonV1.Principal,
    label: String,
    expiresAt: SoukCommonV1.Timestamp?,
    context: WriteContext
  ) async throws -> SoukAdminV1.IssueApiKeyResponse {
    let prefix = "souk_\(Self.kindName(principal.kind))_\(Identifiers.randomBase62(count: Self.prefixRandomCount))"
    let secret = "\(prefix)_\(Identifiers.randomBase62(count: Self.secretRandomCount))"
    var key = SoukAdminV1.ApiKey()
    key.id = Identifiers.make(.apiKey)
    key.prefix = prefix
    key.label = label
    key.principal = principal
    key.createdAt = context.time
    key.expiresAt = expiresAt
    try await store.insertApiKey(
      StoredApiKey(apiKey: key, secretHash: SHA256.hash(Array(secret.utf8))), context: context)
    var response = SoukAdminV1.IssueApiKeyResponse()
    response.apiKey = key
    response.secret = secret
    return response
  }

  /// Issues the first admin key when the store has no admin key that is not revoked, and returns its secret
  /// (to print once); nil when an admin key exists. The server calls it at start-up, outside any call.
  ///
  /// - Throws: ``StoreError`` when the store cannot be read or written.
  public static func issueInitialAdminKey(store: any MarketStore) async throws -> String? {
    guard try await !store.hasActiveApiKey(kind: .admin) else { return nil }
    var principal = SoukCommonV1.Principal()
    principal.kind = .admin
    let call = MarketCall(system: "souk.server/IssueInitialAdminKey")
    let response = try await Self.issue(
      store: store,
      principal: principal,
      label: "initial admin key",
      expiresAt: nil,
      context: call.write()
    )
    return response.secret
  }
}
