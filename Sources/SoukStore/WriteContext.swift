public import SoukAPI

/// Who writes, when, through which method, and under which idempotency key: what every store write records.
public struct WriteContext: Sendable {
  /// Whose key made the call; recorded in the audit log and in order history.
  public var caller: Caller
  /// The full name of the method, e.g. `souk.orders.v1.OrderService/PlaceOrder`; with the caller, the scope of
  /// the idempotency key.
  public var method: String
  /// The request's idempotency key and fingerprint; nil for writes that are not retried by key.
  public var idempotency: IdempotencyClaim?
  /// The request's id (from the call's `x-request-id` metadata, or one the server made), for the audit log.
  public var requestID: String
  /// The time of the write: `updated_at`, history and audit times.
  public var time: SoukCommonV1.Timestamp

  /// Creates a context.
  public init(
    caller: Caller,
    method: String,
    idempotency: IdempotencyClaim?,
    requestID: String,
    time: SoukCommonV1.Timestamp
  ) {
    self.caller = caller
    self.method = method
    self.idempotency = idempotency
    self.requestID = requestID
    self.time = time
  }
}

/// The principal a call acts for and the public prefix of the key it presented.
public struct Caller: Sendable, Hashable {
  /// The principal (admin, one partner, one cooperative).
  public var principal: SoukCommonV1.Principal
  /// The key's public prefix (`souk_3fZk81QpXa`); `system` for the server's own writes (the first admin key,
  /// demo data).
  public var apiKeyPrefix: String

  /// Creates a caller.
  public init(principal: SoukCommonV1.Principal, apiKeyPrefix: String) {
    self.principal = principal
    self.apiKeyPrefix = apiKeyPrefix
  }
}

/// A request's idempotency key and what identifies the request itself.
public struct IdempotencyClaim: Sendable, Hashable {
  /// The client's key, unique per caller and method.
  public var key: String
  /// A digest of the request with its key cleared (SHA-256 of its canonical encoding): the same key with another
  /// fingerprint is a different request.
  public var fingerprint: [UInt8]

  /// Creates a claim.
  public init(key: String, fingerprint: [UInt8]) {
    self.key = key
    self.fingerprint = fingerprint
  }
}
