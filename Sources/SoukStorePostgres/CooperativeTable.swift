import Foundation
import PostgresNIO
import SoukAPI
import SoukStore

/// The `cooperatives` table.
enum CooperativeTable {
  /// The cooperative with this id, or nil; `lock` says how to lock its row.
  static func fetch(id: String, lock: RowLock = .none, _ session: SQLSession) async throws -> SoukCatalogV1.Cooperative?
  {
    try await session.bodies(
      SoukCatalogV1.Cooperative.self, "SELECT body FROM cooperatives WHERE id = ?\(lock.clause)", [id]
    )
    .first
  }

  /// The cooperative with this id.
  ///
  /// - Throws: ``StoreError/notFound(_:id:)`` when there is none.
  static func require(id: String, lock: RowLock = .none, _ session: SQLSession) async throws
    -> SoukCatalogV1.Cooperative
  {
    guard let cooperative = try await fetch(id: id, lock: lock, session) else {
      throw StoreError.notFound(.cooperative, id: id)
    }
    return cooperative
  }
}
