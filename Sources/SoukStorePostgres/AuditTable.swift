import Foundation
import PostgresNIO
import SoukAPI
import SoukStore

/// The `audit_log` table.
enum AuditTable {
  /// Appends the entry of a mutation of `target`.
  static func append(_ context: WriteContext, target: String, _ session: SQLSession) async throws {
    try await session.execute(StoreRows.audit(context, target: target).insert)
  }
}
