/// A `WHERE` clause built from conditions joined with `AND`, with its arguments in order. Placeholders are written
/// `?`; a store whose driver numbers them (`$1`) renumbers the finished statement (``SQLStatement``).
package struct SQLFilter: Sendable {
  /// The conditions, each a complete SQL expression.
  package private(set) var conditions: [String] = []
  /// The arguments of the conditions' placeholders, in order.
  package private(set) var arguments: [SQLValue] = []

  /// Creates a filter with no condition.
  package init() {}

  /// Adds a condition and the values of its placeholders.
  package mutating func add(_ condition: String, _ values: [any SQLValueConvertible] = []) {
    conditions.append(condition)
    arguments.append(contentsOf: values.map(\.sqlValue))
  }

  /// Adds `column IN (…)` unless `values` is empty (an empty list does not filter).
  package mutating func add(_ column: String, in values: [any SQLValueConvertible]) {
    guard !values.isEmpty else { return }
    add("\(column) IN (\(Self.placeholders(values.count)))", values)
  }

  /// Adds one prefix condition per word: `column LIKE '% word%'`, so that each word must begin a word of the
  /// indexed text (see ``SearchText/index(_:)``).
  package mutating func addWordPrefixes(_ words: [String], column: String) {
    for word in words {
      add("\(column) LIKE ? ESCAPE '\\'", ["% " + Self.escapeLike(word) + "%"])
    }
  }

  /// `WHERE …`, or nothing when there is no condition.
  package var whereClause: String {
    conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
  }

  /// `?, ?, ?` for `count` values.
  package static func placeholders(_ count: Int) -> String {
    Array(repeating: "?", count: count).joined(separator: ", ")
  }

  /// `text` with the `LIKE` wildcards and the escape character escaped by `\`.
  package static func escapeLike(_ text: String) -> String {
    var escaped = ""
    for character in text {
      if character == "%" || character == "_" || character == "\\" { escaped.append("\\") }
      escaped.append(character)
    }
    return escaped
  }
}
