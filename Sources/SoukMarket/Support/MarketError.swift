public import SoukAPI
public import SoukRPC
public import SoukStore
public import SoukWire

/// A refusal the marketplace explains: a status code, a domain reason, a message for people, the wrong fields
/// and the facts a client acts on. It reaches the client as the call's status, with an encoded
/// `souk.common.v1.ErrorDetail` as the status details.
public struct MarketError: Error, Sendable, RPCErrorConvertible {
  /// The status code.
  public var code: RPCError.Code
  /// The detail sent with it.
  public var detail: SoukCommonV1.ErrorDetail

  /// Creates an error.
  public init(
    _ code: RPCError.Code,
    _ reason: SoukCommonV1.ErrorReason,
    _ message: String,
    violations: [SoukCommonV1.FieldViolation] = [],
    metadata: [String: String] = [:]
  ) {
    self.code = code
    var detail = SoukCommonV1.ErrorDetail()
    detail.reason = reason
    detail.message = message
    detail.fieldViolations = violations
    detail.metadata = metadata
    self.detail = detail
  }

  /// The status the call ends with.
  public var rpcError: RPCError {
    RPCError(code: self.code, message: self.detail.message, details: self.detail.encodedBytes())
  }

  /// `INVALID_ARGUMENT`, `ERROR_REASON_INVALID_FIELD`, one violation per wrong field.
  public static func invalid(_ violations: [SoukCommonV1.FieldViolation]) -> MarketError {
    let fields = violations.map(\.field).joined(separator: ", ")
    return MarketError(.invalidArgument, .invalidField, "invalid request: \(fields)", violations: violations)
  }

  /// `INVALID_ARGUMENT` for one field.
  public static func invalid(field: String, _ message: String) -> MarketError {
    var violation = SoukCommonV1.FieldViolation()
    violation.field = field
    violation.message = message
    return .invalid([violation])
  }

  /// `NOT_FOUND`: the thing does not exist or the caller may not see it (never telling which).
  public static func notFound(_ what: String, id: String) -> MarketError {
    MarketError(.notFound, .unspecified, "\(what) \(id) not found")
  }

  /// `PERMISSION_DENIED`, `ERROR_REASON_NOT_OWNER`.
  public static func notOwner(_ message: String) -> MarketError {
    MarketError(.permissionDenied, .notOwner, message)
  }

  /// `PERMISSION_DENIED`, `ERROR_REASON_ACCOUNT_SUSPENDED`.
  public static func suspended(_ message: String) -> MarketError {
    MarketError(.permissionDenied, .accountSuspended, message)
  }

  /// `ABORTED`, `ERROR_REASON_VERSION_MISMATCH`, with the current version.
  public static func versionMismatch(expected: UInt64, current: UInt64) -> MarketError {
    MarketError(
      .aborted,
      .versionMismatch,
      "expected version \(expected) but the current version is \(current)",
      metadata: ["current_version": String(current)]
    )
  }

  /// `FAILED_PRECONDITION`, `ERROR_REASON_INVALID_TRANSITION`, naming the current status (`from_status`) and the
  /// one asked for (`to_status`), when there is one, by their schema names as `common.souk` promises.
  public static func invalidTransition(from: some WireEnum, to: (any WireEnum)? = nil, _ message: String)
    -> MarketError
  {
    var metadata = ["from_status": Self.schemaName(of: from)]
    if let to { metadata["to_status"] = Self.schemaName(of: to) }
    return MarketError(.failedPrecondition, .invalidTransition, message, metadata: metadata)
  }

  /// `value`'s name in the schema; its number for a value this version does not know.
  private static func schemaName(of value: any WireEnum) -> String {
    value.schemaName ?? String(value.rawValue)
  }

  /// The refusal for what a store reported; `unavailable` for a database failure (the client may retry).
  public init(_ error: StoreError) {
    switch error {
    case .notFound(let entity, let id):
      self = .notFound(entity.rawValue, id: id)
    case .idempotencyKeyReused:
      self.init(
        .invalidArgument,
        .idempotencyKeyReused,
        "this idempotency key was already used with a different request; use a new key for a new operation"
      )
    case .skuAlreadyExists(let productID):
      self.init(
        .alreadyExists,
        .skuAlreadyExists,
        "the cooperative already has a product with this SKU",
        metadata: ["product_id": productID]
      )
    case .orderReferenceAlreadyUsed(let orderID):
      self.init(
        .alreadyExists,
        .orderReferenceAlreadyUsed,
        "an order with this partner order reference already exists",
        metadata: ["order_id": orderID]
      )
    case .insufficientStock(let productID, let available):
      self.init(
        .failedPrecondition,
        .outOfStock,
        "not enough stock of product \(productID)",
        metadata: ["product_id": productID, "available": String(available)]
      )
    case .unavailable(let message):
      self.init(.unavailable, .unspecified, "the store is unavailable: \(message)")
    case .conflict(let message):
      self.init(.internalError, .unspecified, "the write conflicts with stored data: \(message)")
    }
  }
}

/// Runs `body`, turning a ``StoreError`` into the ``MarketError`` the client gets.
package func mapStoreErrors<T>(_ body: () async throws -> T) async throws -> T {
  do {
    return try await body()
  } catch let error as StoreError {
    throw MarketError(error)
  }
}
