package import SoukAPI
package import SoukRPC
package import SoukStore
import SoukTLS
package import SoukWire

/// Who is calling and when, as every service method needs it: derived once from the call's context.
package struct MarketCall: Sendable {
  /// The caller's principal and key prefix.
  package var caller: Caller
  /// The full method name, the scope of idempotency keys and the audit log's `method`.
  package var method: String
  /// The request's id: the `x-request-id` metadata when the client sent one, else a new one.
  package var requestID: String
  /// The time the call is handled at.
  package var time: SoukCommonV1.Timestamp

  /// The call of `context`, whose caller ``MarketAuthorization`` attached (every marketplace method requires one).
  package init(_ context: ServerContext) throws {
    guard let caller = context.attachments[CallerAttachment.self] else {
      throw RPCError(code: .unauthenticated, message: "\(context.descriptor.fullName) requires credentials")
    }
    self.caller = caller
    self.method = context.descriptor.fullName
    self.requestID = context.requestMetadata.firstString(forKey: "x-request-id") ?? Identifiers.randomBase62(count: 16)
    self.time = .now()
  }

  /// A call made by the server itself (the first admin key, demo data).
  package init(system method: String) {
    var principal = SoukCommonV1.Principal()
    principal.kind = .admin
    self.caller = Caller(principal: principal, apiKeyPrefix: "system")
    self.method = method
    self.requestID = Identifiers.randomBase62(count: 16)
    self.time = .now()
  }

  /// The principal's kind.
  package var kind: SoukCommonV1.PrincipalKind { self.caller.principal.kind }
  /// The partner's or cooperative's id; empty for an admin.
  package var principalID: String { self.caller.principal.id }
  /// True for an admin caller.
  package var isAdmin: Bool { self.kind == .admin }

  /// The context of a write made for `request`, claiming its idempotency key (`request` with the key cleared is
  /// fingerprinted); an empty key claims nothing.
  package func write(idempotent request: some IdempotentRequest) -> WriteContext {
    var claim: IdempotencyClaim?
    if !request.idempotencyKey.isEmpty {
      var keyless = request
      keyless.idempotencyKey = ""
      claim = IdempotencyClaim(key: request.idempotencyKey, fingerprint: SHA256.hash(keyless.encodedBytes()))
    }
    return WriteContext(
      caller: self.caller,
      method: self.method,
      idempotency: claim,
      requestID: self.requestID,
      time: self.time
    )
  }

  /// The context of a write without an idempotency key.
  package func write() -> WriteContext {
    WriteContext(caller: self.caller, method: self.method, idempotency: nil, requestID: self.requestID, time: self.time)
  }
}
