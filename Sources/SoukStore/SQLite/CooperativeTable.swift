import Foundation
import GRDB
import SoukAPI

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
    try db.execute(
      sql: """
        INSERT INTO cooperatives (region, sector, status, created_at, revision, search, body, id)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?)
        """,
      arguments: arguments(cooperative)
    )
  }

  /// Rewrites the row of `cooperative`.
  static func update(_ cooperative: SoukCatalogV1.Cooperative, _ db: Database) throws {
    try db.execute(
      sql: """
        UPDATE cooperatives SET region = ?, sector = ?, status = ?, created_at = ?, revision = ?, search = ?,
          body = ?
        WHERE id = ?
        """,
      arguments: arguments(cooperative)
    )
  }

  /// Whether the cooperative's products may be ordered.
  static func isSelling(_ cooperative: SoukCatalogV1.Cooperative) -> Bool {
    cooperative.status == .active
  }

  /// The column values, in the order of ``insert(_:_:)`` and ``update(_:_:)``, all taken from the same value.
  private static func arguments(_ cooperative: SoukCatalogV1.Cooperative) -> StatementArguments {
    let name = cooperative.name ?? SoukCommonV1.LocalizedText()
    let search = SearchText.index([name.ar, name.fr, name.en, cooperative.city, cooperative.province])
    return [
      cooperative.region.rawValue, cooperative.sector.rawValue, cooperative.status.rawValue,
      cooperative.createdAt.storeMicros, Int64(bitPattern: cooperative.revision), search,
      RecordCodec.encode(cooperative), cooperative.id,
    ]
  }
}
