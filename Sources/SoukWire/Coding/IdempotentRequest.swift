/// A request that carries a client-chosen idempotency key: a retry with the same key returns the first call's
/// result instead of repeating its effect.
///
/// souk-gen makes every message with a `string idempotency_key` field conform, so a client can fill an empty key
/// before the first attempt and send the same key with every retry.
public protocol IdempotentRequest: WireMessage {
  /// The key; empty until the caller or the client chooses one.
  var idempotencyKey: String { get set }
}
