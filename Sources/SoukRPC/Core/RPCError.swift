/// The error a call ends with when its status is not `ok`: a code callers switch on, a message people read,
/// trailing metadata, optional machine-readable details, and (on the side that raised it) the underlying cause.
///
/// Handlers throw it to choose the status a client sees; any other error a handler throws reaches the client as
/// ``Code-swift.struct/internalError`` with a generic message, so internal details never leak.
public struct RPCError: Error, Sendable, Hashable, CustomStringConvertible {
  /// The status code, with gRPC's numbers and names.
  public var code: Code
  /// A human-readable explanation, in English; never parse it.
  public var message: String
  /// Trailing metadata sent with the status.
  public var metadata: Metadata
  /// Encoded machine-readable details (Souk's services send an encoded `souk.common.v1.ErrorDetail`); empty
  /// when there are none.
  public var details: [UInt8]
  /// The error that caused this one, on the side that raised it; never sent over the wire.
  public var cause: (any Error)?

  /// Creates an error.
  public init(
    code: Code,
    message: String,
    metadata: Metadata = Metadata(),
    details: [UInt8] = [],
    cause: (any Error)? = nil
  ) {
    self.code = code
    self.message = message
    self.metadata = metadata
    self.details = details
    self.cause = cause
  }

  /// `code: message`, e.g. `notFound: no product with id p_1`.
  public var description: String {
    "\(self.code): \(self.message)"
  }

  public static func == (lhs: RPCError, rhs: RPCError) -> Bool {
    lhs.code == rhs.code && lhs.message == rhs.message && lhs.metadata == rhs.metadata
      && lhs.details == rhs.details
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(self.code)
    hasher.combine(self.message)
    hasher.combine(self.metadata)
    hasher.combine(self.details)
  }
}

/// An error that chooses the status a call ends with when a handler throws it.
///
/// Domain errors conform so that the RPC layer never needs to know them: a store's "not found" becomes
/// ``RPCError/Code-swift.struct/notFound`` with the domain's own message and details.
public protocol RPCErrorConvertible: Error {
  /// The error as the client will see it.
  var rpcError: RPCError { get }
}

extension RPCError: RPCErrorConvertible {
  /// The error itself.
  public var rpcError: RPCError { self }
}
