import Foundation
import GRDB
public import SoukAPI
public import SoukStore

extension SQLiteMarketStore {
  /// Orders matching `query`, newest or oldest first (by `created_at`, then id), after `position`.
  public func listOrders(
    _ query: OrderQuery,
    after position: ListPosition?,
    limit: Int
  ) async throws -> [SoukOrdersV1.Order] {
    let statement = StoreQueries.orders(query, after: position, limit: limit)
    return try await read { db in
      try Data.fetchAll(db, sql: statement.sql, arguments: statement.arguments).map {
        try RecordCodec.decode(SoukOrdersV1.Order.self, from: $0)
      }
    }
  }

  /// One fact per fulfilment of the orders placed in the query's range, and one per order with payments of the
  /// whole order (unless the query names a cooperative).
  public func fulfilmentFacts(_ query: FulfilmentFactQuery) async throws -> [FulfilmentFact] {
    let statements = StoreQueries.fulfilmentFacts(query)
    return try await read { db in
      var facts = try Row.fetchAll(db, sql: statements.fulfilments.sql, arguments: statements.fulfilments.arguments).map
      { row in
        FulfilmentFact(
          orderID: row["order_id"],
          fulfilmentID: row["fulfilment_id"],
          cooperativeID: row["cooperative_id"],
          status: SoukOrdersV1.FulfilmentStatus(rawValue: row["status"]),
          orderCreatedAtMicros: row["created_at"],
          goodsTotalMinor: row["goods_total_minor"],
          collectedMinor: row["collected_minor"]
        )
      }
      if let orderPayments = statements.orderPayments {
        let rows = try Row.fetchAll(db, sql: orderPayments.sql, arguments: orderPayments.arguments)
        facts += rows.map { row in
          FulfilmentFact(
            orderID: row["id"],
            fulfilmentID: "",
            cooperativeID: "",
            status: .unspecified,
            orderCreatedAtMicros: row["created_at"],
            goodsTotalMinor: 0,
            collectedMinor: row["order_collected_minor"]
          )
        }
      }
      return facts
    }
  }
}
