import Foundation
import GRDB
import SoukStore

extension SQLValue {
  /// The value as GRDB binds it: booleans as 0 and 1, bytes as a BLOB.
  var databaseValue: DatabaseValue {
    switch self {
    case .integer(let value): value.databaseValue
    case .text(let value): value.databaseValue
    case .boolean(let value): value.databaseValue
    case .bytes(let value): Data(value).databaseValue
    case .null: .null
    }
  }
}

extension SQLStatement {
  /// The statement's values as GRDB's arguments.
  var arguments: StatementArguments {
    StatementArguments(values.map(\.databaseValue))
  }
}

extension Database {
  /// Runs a statement that returns no row.
  func execute(_ statement: SQLStatement) throws {
    try execute(sql: statement.sql, arguments: statement.arguments)
  }
}
