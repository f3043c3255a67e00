public import SoukAPI
public import SoukAPIServices
public import SoukRPC
public import SoukStore

/// The caller's own account: who its key (or client certificate) acts for, so that tools need not ask for ids.
public struct AccountServiceHandler: SoukAccountsV1.AccountService.ServiceProtocol {
  /// Where the marketplace is kept.
  let store: any MarketStore

  /// Creates the service over `store`.
  public init(store: any MarketStore) {
    self.store = store
  }

  /// The principal of the call's credentials, the credential's public name and the account's display name.
  public func getCaller(
    request: SoukAccountsV1.GetCallerRequest,
    context: ServerContext
  ) async throws -> SoukAccountsV1.CallerIdentity {
    let call = try MarketCall(context)
    var identity = SoukAccountsV1.CallerIdentity()
    identity.principal = call.caller.principal
    identity.credential = call.caller.apiKeyPrefix
    identity.displayName = try await mapStoreErrors {
      switch call.kind {
      case .partner:
        return try await self.store.partner(id: call.principalID)?.name ?? ""
      case .cooperative:
        let name = try await self.store.cooperative(id: call.principalID)?.name
        return name.map { $0.fr.isEmpty ? $0.ar : $0.fr } ?? ""
      default:
        return ""
      }
    }
    return identity
  }
}
