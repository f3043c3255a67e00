public import SoukAPI
import SoukRPC

extension SoukError {
  /// The failures a caller handles differently, with what it needs to handle them.
  public enum Kind: Sendable, Hashable {
    /// The resource does not exist, or the caller may not see it.
    case notFound
    /// The caller is known but may not do this (wrong role, or someone else's resource).
    case permissionDenied
    /// No key, an unknown key or a revoked key.
    case unauthenticated
    /// The request's expected version is stale: read the current state, reapply the change, retry.
    case versionConflict(currentVersion: Int64?)
    /// A line asks for more than the stock of `productID`; `available` units are left.
    case outOfStock(productID: String, available: Int64?)
    /// The price the shopper saw for `productID` is no longer the current price.
    case priceChanged(productID: String, currentPrice: SoukCommonV1.Money?)
    /// Fields of the request are missing or wrong; each violation names the field and what is accepted.
    case invalidArgument(violations: [SoukCommonV1.FieldViolation])
    /// The thing to create already exists (a SKU, an order reference).
    case alreadyExists
    /// The system is not in a state that allows the call (an illegal order transition, an expired cursor...).
    case failedPrecondition(reason: SoukCommonV1.ErrorReason)
    /// The server cannot be reached now; a later attempt may succeed.
    case unavailable
    /// Any other status (internal, deadline exceeded, cancelled...): see ``SoukError/rpcError``.
    case other

    /// The kind of a status `code` with its optional `detail`.
    init(code: RPCError.Code, detail: SoukCommonV1.ErrorDetail?) {
      let facts = detail?.metadata ?? [:]
      switch (code, detail?.reason ?? .unspecified) {
      case (_, .versionMismatch):
        self = .versionConflict(currentVersion: facts["current_version"].flatMap { Int64($0) })
      case (_, .outOfStock):
        self = .outOfStock(productID: facts["product_id"] ?? "", available: facts["available"].flatMap { Int64($0) })
      case (_, .priceChanged):
        self = .priceChanged(productID: facts["product_id"] ?? "", currentPrice: Self.price(facts))
      case (.notFound, _): self = .notFound
      case (.permissionDenied, _): self = .permissionDenied
      case (.unauthenticated, _): self = .unauthenticated
      case (.invalidArgument, _): self = .invalidArgument(violations: detail?.fieldViolations ?? [])
      case (.alreadyExists, _): self = .alreadyExists
      case (.failedPrecondition, let reason): self = .failedPrecondition(reason: reason)
      case (.unavailable, _): self = .unavailable
      default: self = .other
      }
    }

    private static func price(_ facts: [String: String]) -> SoukCommonV1.Money? {
      guard let minor = facts["current_price_minor"].flatMap({ Int64($0) }) else { return nil }
      var money = SoukCommonV1.Money()
      money.amountMinor = minor
      money.currencyCode = facts["currency_code"] ?? "MAD"
      return money
    }
  }
}
