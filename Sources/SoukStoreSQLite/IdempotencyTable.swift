import Foundation
import GRDB
import SoukAPI
import SoukStore

/// The `idempotency` table: which resource each (principal, method, key) produced, and the request's fingerprint.
enum IdempotencyTable {
  /// The resource id the first write with this context's key produced, when the key was used before with the
  /// same fingerprint; nil when there is no claim or the key is new.
  ///
  /// - Throws: ``StoreError/idempotencyKeyReused`` when the key was used with another fingerprint.
  static func replayedResource(_ context: WriteContext, _ db: Database) throws -> String? {
    guard let claim = context.idempotency else { return nil }
    let lookup = StoreRows.idempotencyLookup(context, claim)
    guard let row = try Row.fetchOne(db, sql: lookup.sql, arguments: lookup.arguments) else { return nil }
    let fingerprint: Data = row["fingerprint"]
    guard [UInt8](fingerprint) == claim.fingerprint else { throw StoreError.idempotencyKeyReused }
    return row["resource_id"]
  }

  /// Records that this context's key produced `resourceID` (nothing without a claim).
  static func record(_ context: WriteContext, resourceID: String, _ db: Database) throws {
    guard let claim = context.idempotency else { return }
    try db.execute(StoreRows.idempotency(context, claim, resourceID: resourceID).insert)
  }
}
