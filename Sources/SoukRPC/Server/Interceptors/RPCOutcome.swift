/// The status code a call ends with for an error a handler threw, as the server will send it.
enum RPCOutcome {
  static func code(of error: any Error) -> RPCError.Code {
    if let convertible = error as? any RPCErrorConvertible { return convertible.rpcError.code }
    if error is CancellationError { return .cancelled }
    return .internalError
  }
}
