import Foundation
import GRDB
import SoukAPI
public import SoukStore

extension SQLiteMarketStore {
  /// The newest fulfilment-feed sequence (0 when empty).
  public func currentFeedSequence() async throws -> UInt64 {
    try await read { db in
      UInt64(bitPattern: try Int64.fetchOne(db, sql: "SELECT MAX(sequence) FROM fulfilment_feed") ?? 0)
    }
  }

  /// Feed entries after `sequence`, in order, at most `limit`, of `cooperativeID` and `partnerID` when given.
  public func fulfilmentFeed(
    after sequence: UInt64,
    cooperativeID: String?,
    partnerID: String?,
    limit: Int
  ) async throws -> [FeedRecord] {
    let statement = StoreQueries.fulfilmentFeed(
      after: sequence,
      cooperativeID: cooperativeID,
      partnerID: partnerID,
      limit: limit
    )
    return try await read { db in
      try Row.fetchAll(db, sql: statement.sql, arguments: statement.arguments).map { row in
        let sequence: Int64 = row["sequence"]
        let body: Data = row["body"]
        return FeedRecord(
          sequence: UInt64(bitPattern: sequence),
          kind: SoukOrdersV1.FulfilmentFeedEventKind(rawValue: row["kind"]),
          orderID: row["order_id"],
          cooperativeID: row["cooperative_id"],
          partnerID: row["partner_id"],
          event: try RecordCodec.decode(SoukOrdersV1.OrderEvent.self, from: body)
        )
      }
    }
  }
}
