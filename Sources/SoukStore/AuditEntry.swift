public import SoukAPI

/// One line of the audit log: a mutation, who made it, when, through which method and request.
public struct AuditEntry: Sendable, Hashable {
  /// The entry's position in the log (increasing).
  public var id: Int64
  public var time: SoukCommonV1.Timestamp
  public var caller: Caller
  /// The full method name.
  public var method: String
  public var requestID: String
  /// The idempotency key of the request, if it had one.
  public var idempotencyKey: String
  /// What was changed, as `kind:id` (`product:prd_…`, `order:ord_…`).
  public var target: String

  /// Creates an entry.
  public init(
    id: Int64,
    time: SoukCommonV1.Timestamp,
    caller: Caller,
    method: String,
    requestID: String,
    idempotencyKey: String,
    target: String
  ) {
    self.id = id
    self.time = time
    self.caller = caller
    self.method = method
    self.requestID = requestID
    self.idempotencyKey = idempotencyKey
    self.target = target
  }
}
