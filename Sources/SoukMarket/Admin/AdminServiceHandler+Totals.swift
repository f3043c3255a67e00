public import SoukAPI
public import SoukRPC
import SoukStore

extension AdminServiceHandler {
  /// Order totals over whole days in Morocco's civil time, grouped by any of cooperative, day and status.
  public func getOrderTotals(
    request: SoukAdminV1.GetOrderTotalsRequest,
    context: ServerContext
  ) async throws -> SoukAdminV1.GetOrderTotalsResponse {
    _ = try MarketCall(context)
    var validator = RequestValidator()
    let from = MoroccoTime.validate(request.fromDate, field: "from_date", validator: &validator)
    let to = MoroccoTime.validate(request.toDate, field: "to_date", validator: &validator)
    if let from, let to {
      let days = MoroccoTime.days(from: from, to: to)
      if days < 0 {
        validator.fail("to_date", "must not be before from_date")
      } else if days > 366 {
        validator.fail("to_date", "must be at most 366 days after from_date")
      }
    }
    var dimensions = Set<SoukAdminV1.TotalsDimension>()
    for (index, dimension) in request.groupBy.enumerated() {
      if dimension == .unspecified || !SoukAdminV1.TotalsDimension.allCases.contains(dimension) {
        validator.fail("group_by[\(index)]", "must be COOPERATIVE, DAY or STATUS")
      } else if !dimensions.insert(dimension).inserted {
        validator.fail("group_by[\(index)]", "repeats a dimension")
      }
    }
    try validator.check()
    guard let from, let to else { return SoukAdminV1.GetOrderTotalsResponse() }

    var query = FulfilmentFactQuery(
      fromMicros: MoroccoTime.startMicros(of: from), beforeMicros: MoroccoTime.endMicros(of: to))
    query.partnerID = request.partnerId.isEmpty ? nil : request.partnerId
    query.cooperativeID = request.cooperativeId.isEmpty ? nil : request.cooperativeId
    let facts = try await mapStoreErrors { try await self.store.fulfilmentFacts(query) }
    return OrderTotals(dimensions: dimensions).response(for: facts)
  }
}
