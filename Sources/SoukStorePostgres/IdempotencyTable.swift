import Foundation
import PostgresNIO
import SoukAPI
import SoukStore

/// The `idempotency` table.
enum IdempotencyTable {
  /// The resource the first write with this context's key produced (same fingerprint); nil when there is no claim
  /// or the key is new. Holds the key's advisory lock until the transaction ends.
  ///
  /// - Throws: ``StoreError/idempotencyKeyReused`` when the key was used with another fingerprint.
  static func replayedResource(_ context: WriteContext, _ session: SQLSession) async throws -> String? {
    guard let claim = context.idempotency else { return nil }
    // Attempts with the same key, on any instance, take turns: a second one waits here until the first commits or
    // rolls back, then sees its record. Without this, each statement seeing the latest commits, a second attempt
    // could miss the record here yet meet the first attempt's order (or SKU, or version) a statement later.
    let principal = context.caller.principal
    try await session.execute(
      "SELECT pg_advisory_xact_lock(hashtextextended(?, 0))",
      ["idempotency|\(principal.kind.rawValue)|\(principal.id)|\(context.method)|\(claim.key)"]
    )
    guard let row = try await session.rows(StoreRows.idempotencyLookup(context, claim)).first else { return nil }
    guard [UInt8](try row.value(Data.self, "fingerprint")) == claim.fingerprint else {
      throw StoreError.idempotencyKeyReused
    }
    return try row.value(String.self, "resource_id")
  }

  /// Records that this context's key produced `resourceID` (nothing without a claim). A concurrent transaction that
  /// recorded the same key first makes this one fail with a unique violation, and the store runs it again.
  static func record(_ context: WriteContext, resourceID: String, _ session: SQLSession) async throws {
    guard let claim = context.idempotency else { return }
    try await session.execute(StoreRows.idempotency(context, claim, resourceID: resourceID).insert)
  }
}
