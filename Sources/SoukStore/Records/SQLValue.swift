/// A value bound to a statement's placeholder, in the few types the stores' columns use; each store turns it into
/// its driver's own (GRDB's `DatabaseValue`, postgres-nio's bindings).
package enum SQLValue: Sendable, Hashable {
  case integer(Int64)
  case text(String)
  case boolean(Bool)
  case bytes([UInt8])
  case null
}

/// A Swift value that binds as an ``SQLValue``.
package protocol SQLValueConvertible {
  /// The value to bind.
  var sqlValue: SQLValue { get }
}

extension Int64: SQLValueConvertible {
  package var sqlValue: SQLValue { .integer(self) }
}

extension Int: SQLValueConvertible {
  package var sqlValue: SQLValue { .integer(Int64(self)) }
}

extension Int32: SQLValueConvertible {
  package var sqlValue: SQLValue { .integer(Int64(self)) }
}

extension UInt32: SQLValueConvertible {
  package var sqlValue: SQLValue { .integer(Int64(self)) }
}

extension String: SQLValueConvertible {
  package var sqlValue: SQLValue { .text(self) }
}

extension Bool: SQLValueConvertible {
  package var sqlValue: SQLValue { .boolean(self) }
}

extension Optional: SQLValueConvertible where Wrapped: SQLValueConvertible {
  package var sqlValue: SQLValue { self?.sqlValue ?? .null }
}
