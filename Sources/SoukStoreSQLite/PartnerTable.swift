import Foundation
import GRDB
import SoukAPI
import SoukStore

/// The `partners` table.
enum PartnerTable {
  /// The partner with this id, or nil.
  static func fetch(id: String, _ db: Database) throws -> SoukAdminV1.Partner? {
    guard let data = try Data.fetchOne(db, sql: "SELECT body FROM partners WHERE id = ?", arguments: [id])
    else { return nil }
    return try RecordCodec.decode(SoukAdminV1.Partner.self, from: data)
  }

  /// The partner with this id.
  ///
  /// - Throws: ``StoreError/notFound(_:id:)`` when there is none.
  static func require(id: String, _ db: Database) throws -> SoukAdminV1.Partner {
    guard let partner = try fetch(id: id, db) else { throw StoreError.notFound(.partner, id: id) }
    return partner
  }

  /// Inserts a new row for `partner`.
  static func insert(_ partner: SoukAdminV1.Partner, _ db: Database) throws {
    try db.execute(StoreRows.partner(partner).insert)
  }

  /// Rewrites the row of `partner`.
  static func update(_ partner: SoukAdminV1.Partner, _ db: Database) throws {
    try db.execute(StoreRows.partner(partner).update())
  }
}
