public import SoukAPI
public import SoukRPC
import SoukStore

extension AdminServiceHandler {
  /// Issues a key for an admin, an existing partner or an existing cooperative; the response holds the secret,
  /// shown this once.
  public func issueApiKey(
    request: SoukAdminV1.IssueApiKeyRequest,
    context: ServerContext
  ) async throws -> SoukAdminV1.IssueApiKeyResponse {
    let call = try MarketCall(context)
    var validator = RequestValidator()
    let label = validator.text(request.label, field: "label", required: true, maxLength: 100)
    let principal = request.principal ?? SoukCommonV1.Principal()
    switch principal.kind {
    case .admin:
      if !principal.id.isEmpty { validator.fail("principal.id", "must be empty for an admin key") }
    case .partner, .cooperative:
      if principal.id.isEmpty { validator.fail("principal.id", "is required for a partner or cooperative key") }
    default:
      validator.fail("principal.kind", "must be admin, partner or cooperative")
    }
    if let expiresAt = request.expiresAt, expiresAt.micros <= call.time.micros {
      validator.fail("expires_at", "must be in the future")
    }
    try validator.check()
    try await self.checkPrincipalExists(principal)
    return try await mapStoreErrors {
      try await ApiKeys.issue(
        store: self.store,
        principal: principal,
        label: label,
        expiresAt: request.expiresAt,
        context: call.write()
      )
    }
  }

  private func checkPrincipalExists(_ principal: SoukCommonV1.Principal) async throws {
    switch principal.kind {
    case .partner:
      let partner = try await mapStoreErrors { try await self.store.partner(id: principal.id) }
      if partner == nil { throw MarketError.notFound("partner", id: principal.id) }
    case .cooperative:
      let cooperative = try await mapStoreErrors { try await self.store.cooperative(id: principal.id) }
      if cooperative == nil { throw MarketError.notFound("cooperative", id: principal.id) }
    default:
      return
    }
  }

  /// Lists keys, newest first, never their secrets.
  public func listApiKeys(
    request: SoukAdminV1.ListApiKeysRequest,
    context: ServerContext
  ) async throws -> SoukAdminV1.ListApiKeysResponse {
    let call = try MarketCall(context)
    let binding = PageToken<ListPosition>.binding(for: request, call: call) { $0.page = nil }
    let position = try PageToken<ListPosition>.decode(request.page.token, binding: binding)
    var query = ApiKeyQuery()
    if let principal = request.principal {
      if principal.kind != .unspecified { query.kind = principal.kind }
      if !principal.id.isEmpty { query.principalID = principal.id }
    }
    if !request.prefix.isEmpty { query.prefix = request.prefix }
    query.includeRevoked = request.includeRevoked
    let limit = request.page.size()
    let keys = try await mapStoreErrors { try await self.store.listApiKeys(query, after: position, limit: limit) }
    var response = SoukAdminV1.ListApiKeysResponse()
    response.apiKeys = keys
    if keys.count == limit, let last = keys.last {
      let next = ListPosition(createdAtMicros: last.createdAt?.micros ?? 0, id: last.id)
      response.nextPageToken = PageToken.encode(next, binding: binding)
    }
    return response
  }

  /// Revokes a key for good (revoking a revoked key changes nothing); the key the call is made with cannot be
  /// revoked (`FAILED_PRECONDITION`), so the operator never locks itself out by mistake.
  public func revokeApiKey(
    request: SoukAdminV1.RevokeApiKeyRequest,
    context: ServerContext
  ) async throws -> SoukAdminV1.ApiKey {
    let call = try MarketCall(context)
    guard !request.apiKeyId.isEmpty else { throw MarketError.invalid(field: "api_key_id", "is required") }
    // The calling key is the one with the caller's prefix.
    var ownKey = ApiKeyQuery()
    ownKey.prefix = call.caller.apiKeyPrefix
    ownKey.includeRevoked = true
    let callingKeys = try await mapStoreErrors { try await self.store.listApiKeys(ownKey, after: nil, limit: 1) }
    if callingKeys.contains(where: { $0.id == request.apiKeyId }) {
      throw MarketError(
        .failedPrecondition,
        .unspecified,
        "a key cannot revoke itself: revoke it with another admin key"
      )
    }
    return try await mapStoreErrors { try await self.store.revokeApiKey(id: request.apiKeyId, context: call.write()) }
  }
}
