/// How an error a handler threw ends its call, as the client will see it; shared by the call itself and by the
/// interceptors that report outcomes, so both always agree.
enum RPCOutcome {
  /// The status for `error`: its own for ``RPCErrorConvertible``, `deadlineExceeded` or `cancelled` for a
  /// cancellation, and `internalError` without the error's text for anything else (`isUnexpected`, for the
  /// caller to log).
  static func status(for error: any Error, deadline: ContinuousClock.Instant?) -> (error: RPCError, isUnexpected: Bool)
  {
    if let convertible = error as? any RPCErrorConvertible {
      return (convertible.rpcError, false)
    }
    if error is CancellationError {
      if let deadline, ContinuousClock.now >= deadline {
        return (RPCError(code: .deadlineExceeded, message: "the deadline expired"), false)
      }
      return (RPCError(code: .cancelled, message: "the call was cancelled"), false)
    }
    return (RPCError(code: .internalError, message: "internal error"), true)
  }

  /// The status code for `error`, as ``status(for:deadline:)`` decides it without a deadline.
  static func code(of error: any Error) -> RPCError.Code {
    self.status(for: error, deadline: nil).error.code
  }
}
