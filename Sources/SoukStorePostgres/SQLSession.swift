import Foundation
import Logging
import NIOCore
import PostgresNIO
import SoukStore
import SoukWire

/// A leased connection the store runs its statements on, inside a write transaction or for a read.
struct SQLSession: Sendable {
  let connection: PostgresConnection
  let logger: Logger

  /// Runs `statement` and returns its rows, each indexed once for reading its columns by name.
  func rows(_ statement: SQLStatement) async throws -> [PostgresRandomAccessRow] {
    var rows: [PostgresRandomAccessRow] = []
    for try await row in try await connection.query(Self.query(statement), logger: logger) {
      rows.append(row.makeRandomAccess())
    }
    return rows
  }

  /// Runs `sql` with `values` bound to its `?` placeholders and returns its rows.
  func rows(_ sql: String, _ values: [any SQLValueConvertible] = []) async throws -> [PostgresRandomAccessRow] {
    try await rows(SQLStatement(sql, values))
  }

  /// Runs a statement whose rows do not matter.
  func execute(_ statement: SQLStatement) async throws {
    try await connection.query(Self.query(statement), logger: logger)
  }

  /// Runs `sql` with `values`, ignoring its rows.
  func execute(_ sql: String, _ values: [any SQLValueConvertible] = []) async throws {
    try await execute(SQLStatement(sql, values))
  }

  /// The messages in the `body` column of the rows `sql` selects.
  func bodies<Message: WireMessage>(
    _ type: Message.Type,
    _ sql: String,
    _ values: [any SQLValueConvertible] = []
  ) async throws -> [Message] {
    try await bodies(type, SQLStatement(sql, values))
  }

  /// The messages in the `body` column of the rows `statement` selects.
  func bodies<Message: WireMessage>(_ type: Message.Type, _ statement: SQLStatement) async throws -> [Message] {
    try await rows(statement).map { try $0.message(type, "body") }
  }

  /// The query postgres-nio runs for `statement`: its `?` placeholders numbered `$1`, `$2`, … (the shared
  /// statements have no `?` anywhere else), its values bound in order.
  static func query(_ statement: SQLStatement) -> PostgresQuery {
    var sql = ""
    sql.reserveCapacity(statement.sql.utf8.count + 8)
    var number = 0
    for character in statement.sql {
      if character == "?" {
        number += 1
        sql += "$\(number)"
      } else {
        sql.append(character)
      }
    }
    var bindings = PostgresBindings(capacity: statement.values.count)
    for value in statement.values {
      switch value {
      case .integer(let integer): bindings.append(integer)
      case .text(let text): bindings.append(text)
      case .boolean(let boolean): bindings.append(boolean)
      case .bytes(let bytes): bindings.append(ByteBuffer(bytes: bytes))
      case .null: bindings.appendNull()
      }
    }
    return PostgresQuery(unsafeSQL: sql, binds: bindings)
  }
}

extension PostgresRandomAccessRow {
  /// The value of the column `name`.
  func value<Value: PostgresDecodable>(_ type: Value.Type, _ name: String) throws -> Value {
    try self[name].decode(type)
  }

  /// The value of a row of one column (a statement that selects one value).
  func value<Value: PostgresDecodable>(_ type: Value.Type) throws -> Value {
    try self[0].decode(type)
  }

  /// The message stored in the column `name`.
  func message<Message: WireMessage>(_ type: Message.Type, _ name: String) throws -> Message {
    try RecordCodec.decode(type, from: value(Data.self, name))
  }
}
