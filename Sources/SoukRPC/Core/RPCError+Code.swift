extension RPCError {
  /// A status code: gRPC's numbers and names, so gRPC users already know what each means.
  ///
  /// A struct rather than a public enum, so that switching code keeps compiling if a code is ever added.
  /// Codes received from a peer that this version does not know are kept as ``unknown`` with their number in
  /// ``rawValue``.
  public struct Code: Hashable, Sendable, CustomStringConvertible {
    /// The code's number on the wire (0 is `ok`, which never appears in an ``RPCError``).
    public let rawValue: Int

    /// Creates a code from its number on the wire; numbers above 16 are kept as they are.
    public init(rawValue: Int) {
      self.rawValue = rawValue
    }

    /// The call succeeded; used only in status frames, never in an ``RPCError``.
    public static let ok = Code(rawValue: 0)
    /// The call was cancelled, usually by the caller.
    public static let cancelled = Code(rawValue: 1)
    /// An error with no better code, or a code this version does not know.
    public static let unknown = Code(rawValue: 2)
    /// The request is invalid whatever the state of the system.
    public static let invalidArgument = Code(rawValue: 3)
    /// The deadline expired before the call completed.
    public static let deadlineExceeded = Code(rawValue: 4)
    /// The requested entity does not exist (or the caller may not know whether it exists).
    public static let notFound = Code(rawValue: 5)
    /// The entity the caller tried to create already exists.
    public static let alreadyExists = Code(rawValue: 6)
    /// The caller is known but may not do this.
    public static let permissionDenied = Code(rawValue: 7)
    /// A resource ran out: a quota, stock, a limit on streams or message size.
    public static let resourceExhausted = Code(rawValue: 8)
    /// The system is not in the state the call requires (e.g. an illegal order transition).
    public static let failedPrecondition = Code(rawValue: 9)
    /// The call was aborted by a concurrency conflict (e.g. a stale version); retry at a higher level.
    public static let aborted = Code(rawValue: 10)
    /// A value was outside its valid range.
    public static let outOfRange = Code(rawValue: 11)
    /// The method or service is not implemented by this server.
    public static let unimplemented = Code(rawValue: 12)
    /// An invariant broke inside the server; the message never carries internal details.
    public static let internalError = Code(rawValue: 13)
    /// The service is unavailable: unreachable, shutting down or overloaded; retrying may succeed.
    public static let unavailable = Code(rawValue: 14)
    /// Data was lost or corrupted.
    public static let dataLoss = Code(rawValue: 15)
    /// The caller presented no valid credentials.
    public static let unauthenticated = Code(rawValue: 16)

    /// The gRPC name in lower camel case, e.g. `deadlineExceeded`; `code(N)` for numbers this version does not
    /// know.
    public var description: String {
      switch self.rawValue {
      case 0: "ok"
      case 1: "cancelled"
      case 2: "unknown"
      case 3: "invalidArgument"
      case 4: "deadlineExceeded"
      case 5: "notFound"
      case 6: "alreadyExists"
      case 7: "permissionDenied"
      case 8: "resourceExhausted"
      case 9: "failedPrecondition"
      case 10: "aborted"
      case 11: "outOfRange"
      case 12: "unimplemented"
      case 13: "internalError"
      case 14: "unavailable"
      case 15: "dataLoss"
      case 16: "unauthenticated"
      default: "code(\(self.rawValue))"
      }
    }
  }
}
