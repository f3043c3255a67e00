public import SoukAPI
public import SoukRPC
import SoukWire

/// A failed Souk call as a caller can act on it: what kind of failure (``Kind``, with the facts it needs, such as
/// which product is out of stock), the server's message, and the status and details it came from.
///
/// ```swift
/// do {
///   let order = try await SoukError.catching { try await souk.orders.placeOrder(request) }
/// } catch let error as SoukError {
///   if case .outOfStock(let productID, let available) = error.kind { ... }
/// }
/// ```
public struct SoukError: Error, Sendable, CustomStringConvertible {
  /// What went wrong.
  public var kind: Kind
  /// The server's explanation, in English, for logs and people; never parse it.
  public var message: String
  /// The status the call ended with.
  public var rpcError: RPCError
  /// The machine-readable details the server sent, when it sent any.
  public var detail: SoukCommonV1.ErrorDetail?

  /// Classifies a call's status, reading the `souk.common.v1.ErrorDetail` in its details.
  public init(_ error: RPCError) {
    let detail = error.details.isEmpty ? nil : try? SoukCommonV1.ErrorDetail(decoding: error.details)
    self.kind = Kind(code: error.code, detail: detail)
    self.message = error.message
    self.rpcError = error
    self.detail = detail
  }

  /// Classifies any error a Souk call throws: an ``RPCError`` as ``init(_:)-(RPCError)`` does, a `SoukError` as
  /// it is; nil for anything else.
  public init?(_ error: any Error) {
    if let error = error as? SoukError {
      self = error
    } else if let error = error as? RPCError {
      self.init(error)
    } else {
      return nil
    }
  }

  /// What to tell a person: the detail's sentence when the server wrote one, else the status message.
  public var explanation: String {
    (self.detail?.message).flatMap { $0.isEmpty ? nil : $0 } ?? self.message
  }

  /// The domain reason the server gave, or `.unspecified`.
  public var reason: SoukCommonV1.ErrorReason {
    self.detail?.reason ?? .unspecified
  }

  /// `kind: message`, e.g. `notFound: no product with id p_1`.
  public var description: String {
    "\(self.kind): \(self.message)"
  }

  /// Runs `body` and rethrows the `RPCError` it throws as a `SoukError`; other errors pass unchanged.
  ///
  /// ```swift
  /// let product = try await SoukError.catching { try await souk.catalog.getProduct(request) }
  /// ```
  public static func catching<T: Sendable>(_ body: () async throws -> T) async throws -> T {
    do {
      return try await body()
    } catch let error as RPCError {
      throw SoukError(error)
    }
  }
}
