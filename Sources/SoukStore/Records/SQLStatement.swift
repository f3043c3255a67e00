/// One SQL statement both stores run: standard SQL with `?` placeholders, and the values bound to them in order.
package struct SQLStatement: Sendable, Hashable {
  /// The statement's text.
  package var sql: String
  /// One value per `?`, in order.
  package var values: [SQLValue]

  /// Creates a statement.
  package init(_ sql: String, _ values: [any SQLValueConvertible] = []) {
    self.sql = sql
    self.values = values.map(\.sqlValue)
  }

  /// Creates a statement from values already bound.
  package init(sql: String, values: [SQLValue]) {
    self.sql = sql
    self.values = values
  }
}
