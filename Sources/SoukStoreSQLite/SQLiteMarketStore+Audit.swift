public import SoukStore

extension SQLiteMarketStore {
  /// Audit entries after `id`, oldest first.
  public func auditLog(after id: Int64, limit: Int) async throws -> [AuditEntry] {
    try await read { db in try AuditTable.entries(after: id, limit: limit, db) }
  }
}
