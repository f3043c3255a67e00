import Foundation
import GRDB
import SoukAPI
import SoukStore

/// The `audit_log` table: one row per applied mutation.
enum AuditTable {
  /// Appends the entry for a mutation of `target` (`kind:id`) made in `context`.
  static func append(_ context: WriteContext, target: String, _ db: Database) throws {
    try db.execute(StoreRows.audit(context, target: target).insert)
  }

  /// Entries after `id`, oldest first, at most `limit`.
  static func entries(after id: Int64, limit: Int, _ db: Database) throws -> [AuditEntry] {
    let rows = try Row.fetchAll(
      db,
      sql: "SELECT * FROM audit_log WHERE id > ? ORDER BY id LIMIT ?",
      arguments: [id, limit]
    )
    return rows.map { row in
      var principal = SoukCommonV1.Principal()
      principal.kind = SoukCommonV1.PrincipalKind(rawValue: row["principal_kind"])
      principal.id = row["principal_id"]
      return AuditEntry(
        id: row["id"],
        time: SoukCommonV1.Timestamp(storeMicros: row["time"]),
        caller: Caller(principal: principal, apiKeyPrefix: row["api_key_prefix"]),
        method: row["method"],
        requestID: row["request_id"],
        idempotencyKey: row["idempotency_key"],
        target: row["target"]
      )
    }
  }
}
