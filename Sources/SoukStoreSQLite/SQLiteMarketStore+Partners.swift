import Foundation
import GRDB
public import SoukAPI
public import SoukStore

extension SQLiteMarketStore {
  /// Saves a new partner.
  public func insertPartner(_ partner: SoukAdminV1.Partner, context: WriteContext) async throws
    -> SoukAdminV1.Partner
  {
    try await write { db in
      if let id = try IdempotencyTable.replayedResource(context, db) {
        return WriteResult(try PartnerTable.require(id: id, db), notifies: false)
      }
      try PartnerTable.insert(partner, db)
      try IdempotencyTable.record(context, resourceID: partner.id, db)
      try AuditTable.append(context, target: "partner:\(partner.id)", db)
      return WriteResult(partner, notifies: false)
    }
  }

  /// Applies `change`; a real change raises the version and sets `updated_at`, none writes nothing.
  public func updatePartner(
    id: String,
    context: WriteContext,
    _ change: @Sendable (inout SoukAdminV1.Partner) throws -> Void
  ) async throws -> SoukAdminV1.Partner {
    try await write { db in
      if let replayed = try IdempotencyTable.replayedResource(context, db) {
        return WriteResult(try PartnerTable.require(id: replayed, db), notifies: false)
      }
      let old = try PartnerTable.require(id: id, db)
      var changed = old
      try change(&changed)
      try IdempotencyTable.record(context, resourceID: id, db)
      guard let partner = PartnerRules.revised(old: old, to: changed, time: context.time) else {
        return WriteResult(old, notifies: false)
      }
      try PartnerTable.update(partner, db)
      try AuditTable.append(context, target: "partner:\(id)", db)
      return WriteResult(partner, notifies: false)
    }
  }

  /// The partner with this id, or nil.
  public func partner(id: String) async throws -> SoukAdminV1.Partner? {
    try await read { db in try PartnerTable.fetch(id: id, db) }
  }

  /// Partners matching `query`, oldest first, after `position`. A query word matches the start of a word of the
  /// name or any part of the website URL.
  public func listPartners(
    _ query: PartnerQuery,
    after position: ListPosition?,
    limit: Int
  ) async throws -> [SoukAdminV1.Partner] {
    let statement = StoreQueries.partners(query, after: position, limit: limit)
    return try await read { db in
      try Data.fetchAll(db, sql: statement.sql, arguments: statement.arguments).map {
        try RecordCodec.decode(SoukAdminV1.Partner.self, from: $0)
      }
    }
  }
}
