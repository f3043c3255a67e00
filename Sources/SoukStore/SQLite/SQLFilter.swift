import Foundation
import GRDB

/// A `WHERE` clause built from conditions joined with `AND`, with its arguments in order.
struct SQLFilter {
  /// The conditions, each a complete SQL expression.
  private(set) var conditions: [String] = []
  /// The arguments of the conditions' placeholders, in order.
  private(set) var arguments: [DatabaseValue] = []

  /// Adds a condition and the values of its placeholders.
  mutating func add(_ condition: String, _ values: [any DatabaseValueConvertible] = []) {
    conditions.append(condition)
    arguments.append(contentsOf: values.map(\.databaseValue))
  }

  /// Adds `column IN (…)` unless `values` is empty (an empty list does not filter).
  mutating func add(_ column: String, in values: [any DatabaseValueConvertible]) {
    guard !values.isEmpty else { return }
    add("\(column) IN (\(Self.placeholders(values.count)))", values)
  }

  /// Adds one prefix condition per word: `column LIKE '% word%'`, so that each word must begin a word of the
  /// indexed text (see ``SearchText/index(_:)``).
  mutating func addWordPrefixes(_ words: [String], column: String) {
    for word in words {
      add("\(column) LIKE ? ESCAPE '\\'", ["% " + Self.escapeLike(word) + "%"])
    }
  }

  /// `WHERE …`, or nothing when there is no condition.
  var whereClause: String {
    conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
  }

  /// The arguments as GRDB takes them, followed by `more`.
  func statementArguments(_ more: [any DatabaseValueConvertible] = []) -> StatementArguments {
    StatementArguments(arguments + more.map(\.databaseValue))
  }

  /// `?, ?, ?` for `count` values.
  static func placeholders(_ count: Int) -> String {
    Array(repeating: "?", count: count).joined(separator: ", ")
  }

  /// `text` with the `LIKE` wildcards and the escape character escaped by `\`.
  static func escapeLike(_ text: String) -> String {
    var escaped = ""
    for character in text {
      if character == "%" || character == "_" || character == "\\" { escaped.append("\\") }
      escaped.append(character)
    }
    return escaped
  }
}
