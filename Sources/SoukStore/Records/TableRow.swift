/// One row of a store table as column values, all taken from one record: the stores insert and update rows with
/// the statements it makes, so a column always means the same on every store.
package struct TableRow: Sendable {
  /// The table.
  package var table: String
  /// The columns and their values.
  package var columns: [(name: String, value: SQLValue)]

  /// Creates a row of `table`.
  package init(_ table: String, _ columns: [(String, any SQLValueConvertible)]) {
    self.table = table
    self.columns = columns.map { (name: $0.0, value: $0.1.sqlValue) }
  }

  /// `INSERT INTO table (…) VALUES (…)`.
  package var insert: SQLStatement {
    SQLStatement(
      sql: """
        INSERT INTO \(table) (\(columns.map(\.name).joined(separator: ", "))) \
        VALUES (\(SQLFilter.placeholders(columns.count)))
        """,
      values: columns.map(\.value)
    )
  }

  /// `UPDATE table SET … WHERE id = ?`: sets every other column, or only those named in `only`.
  package func update(only: [String]? = nil) -> SQLStatement {
    let set = columns.filter { $0.name != "id" && (only?.contains($0.name) ?? true) }
    let id = columns.first { $0.name == "id" }?.value ?? .null
    return SQLStatement(
      sql: "UPDATE \(table) SET \(set.map { "\($0.name) = ?" }.joined(separator: ", ")) WHERE id = ?",
      values: set.map(\.value) + [id]
    )
  }
}
