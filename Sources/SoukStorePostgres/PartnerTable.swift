import Foundation
import PostgresNIO
import SoukAPI
import SoukStore

/// The `partners` table.
enum PartnerTable {
  /// The partner with this id, or nil; `lock` as for ``CooperativeTable/fetch(id:lock:_:)``.
  static func fetch(id: String, lock: RowLock = .none, _ session: SQLSession) async throws -> SoukAdminV1.Partner? {
    try await session.bodies(SoukAdminV1.Partner.self, "SELECT body FROM partners WHERE id = ?\(lock.clause)", [id])
      .first
  }

  /// The partner with this id.
  ///
  /// - Throws: ``StoreError/notFound(_:id:)`` when there is none.
  static func require(id: String, lock: RowLock = .none, _ session: SQLSession) async throws -> SoukAdminV1.Partner {
    guard let partner = try await fetch(id: id, lock: lock, session) else {
      throw StoreError.notFound(.partner, id: id)
    }
    return partner
  }
}
