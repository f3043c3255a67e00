/// What a store reports when it cannot do what was asked. Errors thrown by the decision closures a caller passes
/// in are rethrown unchanged instead.
public enum StoreError: Error, Sendable, Hashable {
  /// The kind of record a lookup did not find.
  public enum Entity: String, Sendable, Hashable {
    case apiKey = "API key"
    case cooperative
    case partner
    case product
    case order
  }

  /// No record of this kind has this id.
  case notFound(Entity, id: String)
  /// The idempotency key was used before by the same caller for the same method, with another request.
  case idempotencyKeyReused
  /// The cooperative already has a product with this SKU (ASCII case ignored): the other product's id.
  case skuAlreadyExists(productID: String)
  /// The partner already has an order with this reference: the other order's id.
  case orderReferenceAlreadyUsed(orderID: String)
  /// A reservation would take a product's stock below zero; `available` is its stock.
  case insufficientStock(productID: String, available: Int64)
  /// The database failed (disk full, corrupted file, lost connection); the write did not happen, and may succeed
  /// when tried again.
  case unavailable(String)
  /// A write broke a uniqueness rule that the store's own checks did not catch, again when run once more: the
  /// same write would fail the same way, so it must not be retried.
  case conflict(String)
}
