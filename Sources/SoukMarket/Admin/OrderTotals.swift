import SoukAPI
import SoukStore

/// Sums fulfilment facts into the groups an admin asked for.
struct OrderTotals {
  /// The requested grouping.
  let dimensions: Set<SoukAdminV1.TotalsDimension>

  /// One group's key: the requested dimensions' values, the others left at their defaults.
  private struct Key: Hashable, Comparable {
    var cooperativeID = ""
    var day: [UInt32] = []
    var status: Int32 = 0

    static func < (left: Key, right: Key) -> Bool {
      if left.cooperativeID != right.cooperativeID { return left.cooperativeID < right.cooperativeID }
      if left.day != right.day { return left.day.lexicographicallyPrecedes(right.day) }
      return left.status < right.status
    }
  }

  /// A group being summed.
  private struct Sum {
    var orders = Set<String>()
    var fulfilments: UInt64 = 0
    var goods: Int64 = 0
    var delivered: Int64 = 0
    var collected: Int64 = 0

    mutating func add(_ fact: FulfilmentFact) {
      self.orders.insert(fact.orderID)
      self.fulfilments += 1
      self.goods += fact.goodsTotalMinor
      self.collected += fact.collectedMinor
      if fact.status == .delivered { self.delivered += fact.goodsTotalMinor }
    }
  }

  /// The response for `facts`: groups sorted by cooperative, day and status; the overall group; and the
  /// payments of whole orders, which no group counts.
  func response(for facts: [FulfilmentFact]) -> SoukAdminV1.GetOrderTotalsResponse {
    var groups: [Key: Sum] = [:]
    var overall = Sum()
    var orderLevel: Int64 = 0
    for fact in facts {
      if fact.fulfilmentID.isEmpty {
        orderLevel += fact.collectedMinor
        continue
      }
      overall.add(fact)
      groups[self.key(of: fact), default: Sum()].add(fact)
    }
    var response = SoukAdminV1.GetOrderTotalsResponse()
    response.groups = groups.keys.sorted().compactMap { key in groups[key].map { self.group(key, $0) } }
    response.overall = self.group(Key(), overall)
    response.orderLevelCollectedTotal = SoukCommonV1.Money.mad(orderLevel)
    return response
  }

  private func key(of fact: FulfilmentFact) -> Key {
    var key = Key()
    if self.dimensions.contains(.cooperative) { key.cooperativeID = fact.cooperativeID }
    if self.dimensions.contains(.day) {
      let day = MoroccoTime.day(ofMicros: fact.orderCreatedAtMicros)
      key.day = [day.year, day.month, day.day]
    }
    if self.dimensions.contains(.status) { key.status = fact.status.rawValue }
    return key
  }

  private func group(_ key: Key, _ sum: Sum) -> SoukAdminV1.TotalsGroup {
    var group = SoukAdminV1.TotalsGroup()
    group.cooperativeId = key.cooperativeID
    if key.day.count == 3 {
      var day = SoukCommonV1.LocalDate()
      day.year = key.day[0]
      day.month = key.day[1]
      day.day = key.day[2]
      group.day = day
    }
    group.status = SoukOrdersV1.FulfilmentStatus(rawValue: key.status)
    group.orderCount = UInt64(sum.orders.count)
    group.fulfilmentCount = sum.fulfilments
    group.goodsTotal = SoukCommonV1.Money.mad(sum.goods)
    group.deliveredTotal = SoukCommonV1.Money.mad(sum.delivered)
    group.collectedTotal = SoukCommonV1.Money.mad(sum.collected)
    return group
  }
}
