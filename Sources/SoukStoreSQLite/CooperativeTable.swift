import Foundation
import GRDB
import SoukAPI
import SoukStore

/// The `cooperatives` table.
enum CooperativeTable {
  /// The cooperative with this id, or nil.
  static func fetch(id: String, _ db: Database) throws -> SoukCatalogV1.Cooperative? {
    guard let data = try Data.fetchOne(db, sql: "SELECT body FROM cooperatives WHERE id = ?", arguments: [id])
    else { return nil }
    return try RecordCodec.decode(SoukCatalogV1.Cooperative.self, from: data)
  }

  /// The cooperative with this id.
  ///
  /// - Throws: ``StoreError/notFound(_:id:)`` when there is none.
  static func require(id: String, _ db: Database) throws -> SoukCatalogV1.Cooperative {
    guard let cooperative = try fetch(id: id, db) else { throw StoreError.notFound(.cooperative, id: id) }
    return cooperative
  }

  /// Inserts a new row for `cooperative`.
  static func insert(_ cooperative: SoukCatalogV1.Cooperative, _ db: Database) throws {
    try db.execute(StoreRows.cooperative(cooperative).insert)
  }

  /// Rewrites the row of `cooperative`.
  static func update(_ cooperative: SoukCatalogV1.Cooperative, _ db: Database) throws {
    try db.execute(StoreRows.cooperative(cooperative).update())
  }
}
