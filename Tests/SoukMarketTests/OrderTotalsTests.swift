import Foundation
import SoukAPI
import SoukAPIServices
import SoukRPC
import SoukStore
import Testing

@testable import SoukMarket

/// Totals grouped by cooperative, day (in Africa/Casablanca) and status.
@Suite("Order totals")
struct OrderTotalsTests {
  /// Microseconds of an instant given in UTC.
  private func micros(_ iso: String) throws -> Int64 {
    let seconds = try #require(ISO8601DateFormatter().date(from: iso)).timeIntervalSince1970
    return Int64(seconds) * 1_000_000
  }

  private func fact(
    _ order: String,
    _ fulfilment: String,
    _ cooperative: String,
    _ status: SoukOrdersV1.FulfilmentStatus,
    at iso: String,
    goods: Int64,
    collected: Int64 = 0
  ) throws -> FulfilmentFact {
    FulfilmentFact(
      orderID: order,
      fulfilmentID: fulfilment,
      cooperativeID: cooperative,
      status: status,
      orderCreatedAtMicros: try self.micros(iso),
      goodsTotalMinor: goods,
      collectedMinor: collected
    )
  }

  @Test("groups by cooperative and Moroccan day, sorted; distinct orders; order-level payments apart")
  func grouping() throws {
    // Casablanca is UTC+1 in January: 23:30 UTC on the 14th is already the 15th there.
    let facts = [
      try self.fact("o1", "f1", "coop_b", .delivered, at: "2025-01-14T23:30:00Z", goods: 2_000, collected: 2_000),
      try self.fact("o1", "f2", "coop_a", .pending, at: "2025-01-14T23:30:00Z", goods: 1_000),
      try self.fact("o2", "f3", "coop_a", .delivered, at: "2025-01-15T12:00:00Z", goods: 500, collected: 500),
      try self.fact("o3", "f4", "coop_a", .pending, at: "2025-01-14T22:30:00Z", goods: 700),
      try self.fact("o1", "", "", .unspecified, at: "2025-01-14T23:30:00Z", goods: 0, collected: 300),
    ]
    let totals = OrderTotals(dimensions: [.cooperative, .day]).response(for: facts)
    let keys = totals.groups.map { "\($0.cooperativeId)/\($0.day?.day ?? 0)" }
    #expect(keys == ["coop_a/14", "coop_a/15", "coop_b/15"])
    #expect(totals.groups.map(\.orderCount) == [1, 2, 1])
    #expect(totals.groups.map(\.fulfilmentCount) == [1, 2, 1])
    #expect(totals.groups.map { $0.goodsTotal?.amountMinor } == [700, 1_500, 2_000])
    #expect(totals.groups.map { $0.deliveredTotal?.amountMinor } == [0, 500, 2_000])
    #expect(totals.groups.map { $0.collectedTotal?.amountMinor } == [0, 500, 2_000])
    #expect(totals.groups.allSatisfy { $0.status == .unspecified })
    #expect(totals.overall?.orderCount == 3)
    #expect(totals.overall?.fulfilmentCount == 4)
    #expect(totals.overall?.goodsTotal?.amountMinor == 4_200)
    #expect(totals.orderLevelCollectedTotal?.amountMinor == 300)

    let byStatus = OrderTotals(dimensions: [.status]).response(for: facts)
    #expect(byStatus.groups.map(\.status) == [.pending, .delivered])
    #expect(byStatus.groups.map(\.fulfilmentCount) == [2, 2])
  }

  @Test("the range is checked over RPC: at most 366 days, dimensions once each")
  func rangeValidation() async throws {
    try await MarketHarness.with { market in
      func date(_ year: UInt32, _ month: UInt32, _ day: UInt32) -> SoukCommonV1.LocalDate {
        var date = SoukCommonV1.LocalDate()
        date.year = year
        date.month = month
        date.day = day
        return date
      }
      var request = SoukAdminV1.GetOrderTotalsRequest()
      request.fromDate = date(2024, 1, 1)
      request.toDate = date(2025, 1, 2)
      request.groupBy = [.day, .day]
      let detail = await expectRefusal(.invalidArgument, .invalidField) {
        try await market.admin.admin.getOrderTotals(request, metadata: market.admin.metadata)
      }
      #expect(detail?.fieldViolations.map(\.field) == ["to_date", "group_by[1]"])
      request.toDate = date(2024, 12, 31)
      request.groupBy = [.cooperative]
      let empty = try await market.admin.admin.getOrderTotals(request, metadata: market.admin.metadata)
      #expect(empty.groups.isEmpty)
      #expect(empty.overall?.fulfilmentCount == 0)
    }
  }
}
