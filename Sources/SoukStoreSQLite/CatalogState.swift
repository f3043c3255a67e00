import Foundation
import GRDB
import SoukStore

/// The `catalog_state` row: the catalog's revision counter.
enum CatalogState {
  /// Takes the next revision. Called inside a write transaction; with one writer, revisions increase strictly in
  /// commit order.
  static func nextRevision(_ db: Database) throws -> UInt64 {
    try db.execute(sql: "UPDATE catalog_state SET revision = revision + 1 WHERE id = 1")
    return try currentRevision(db)
  }

  /// The newest revision taken (0 before the first catalog write).
  static func currentRevision(_ db: Database) throws -> UInt64 {
    try UInt64.fetchOne(db, sql: "SELECT revision FROM catalog_state WHERE id = 1") ?? 0
  }
}
