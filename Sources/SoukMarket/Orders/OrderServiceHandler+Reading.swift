public import SoukAPI
public import SoukRPC
import SoukStore

extension OrderServiceHandler {
  /// One order, by id or (for partners) by its partner order reference, as the caller may see it.
  public func getOrder(
    request: SoukOrdersV1.GetOrderRequest,
    context: ServerContext
  ) async throws -> SoukOrdersV1.Order {
    let call = try MarketCall(context)
    switch request.lookup {
    case .orderId(let id)?:
      guard !id.isEmpty else { throw MarketError.invalid(field: "order_id", "is required") }
      let order = try await mapStoreErrors { try await self.store.order(id: id) }
      return try self.visible(order, id: id, call: call)
    case .partnerOrderReference(let reference)?:
      guard call.kind == .partner else {
        throw MarketError.invalid(field: "partner_order_reference", "only a partner looks up its own references")
      }
      guard OrderValidation.isOrderReference(reference) else {
        throw MarketError.invalid(field: "partner_order_reference", "must be 1 to 64 printable ASCII characters")
      }
      let order = try await mapStoreErrors {
        try await self.store.order(partnerID: call.principalID, reference: reference)
      }
      return try self.visible(order, id: reference, call: call)
    case nil:
      throw MarketError.invalid(field: "order_id", "one of order_id and partner_order_reference is required")
    }
  }

  /// A page of the orders the caller may see that match the filters; a partner's and a cooperative's listing
  /// is always limited to their own, and naming another partner or cooperative returns nothing.
  public func listOrders(
    request: SoukOrdersV1.ListOrdersRequest,
    context: ServerContext
  ) async throws -> SoukOrdersV1.ListOrdersResponse {
    let call = try MarketCall(context)
    var validator = RequestValidator()
    let newestFirst: Bool
    switch request.sort {
    case .unspecified, .createdDesc: newestFirst = true
    case .createdAsc: newestFirst = false
    case .unrecognized: newestFirst = true
    }
    if case .unrecognized = request.sort { validator.fail("sort", "is not a known order") }
    if let from = request.createdFrom, let before = request.createdBefore, before.micros < from.micros {
      validator.fail("created_before", "must not be before created_from")
    }
    if request.page?.pageSize ?? 0 > 500 { validator.fail("page.page_size", "must be at most 500") }
    try validator.check()
    let binding = PageToken<ListPosition>.binding(for: request, call: call) { $0.page = nil }
    let position = try PageToken<ListPosition>.decode(request.page.token, binding: binding)

    var query = OrderQuery()
    query.statuses = request.statuses
    query.fulfilmentStatuses = request.fulfilmentStatuses
    query.cooperativeID = request.cooperativeId.isEmpty ? nil : request.cooperativeId
    query.partnerID = request.partnerId.isEmpty ? nil : request.partnerId
    query.createdFromMicros = request.createdFrom?.micros
    query.createdBeforeMicros = request.createdBefore?.micros
    query.partnerOrderReference = request.partnerOrderReference.isEmpty ? nil : request.partnerOrderReference
    query.newestFirst = newestFirst
    switch call.kind {
    case .partner:
      if let asked = query.partnerID, asked != call.principalID { return SoukOrdersV1.ListOrdersResponse() }
      query.partnerID = call.principalID
    case .cooperative:
      if let asked = query.cooperativeID, asked != call.principalID { return SoukOrdersV1.ListOrdersResponse() }
      query.cooperativeID = call.principalID
    default:
      break
    }
    let size = request.page.size()
    let found = try await mapStoreErrors { try await self.store.listOrders(query, after: position, limit: size + 1) }
    var response = SoukOrdersV1.ListOrdersResponse()
    let page = found.prefix(size)
    response.orders = page.compactMap { OrderView.view(of: $0, for: call.caller.principal) }
    if found.count > size, let last = page.last {
      let next = ListPosition(createdAtMicros: last.createdAt?.micros ?? 0, id: last.id)
      response.nextPageToken = PageToken.encode(next, binding: binding)
    }
    return response
  }

  /// The order's history as the caller may see it, oldest first.
  public func getOrderHistory(
    request: SoukOrdersV1.GetOrderHistoryRequest,
    context: ServerContext
  ) async throws -> SoukOrdersV1.GetOrderHistoryResponse {
    let call = try MarketCall(context)
    guard !request.orderId.isEmpty else { throw MarketError.invalid(field: "order_id", "is required") }
    let order = try await mapStoreErrors { try await self.store.order(id: request.orderId) }
    guard let order, OrderView.canSee(order, call.caller.principal) else {
      throw MarketError.notFound("order", id: request.orderId)
    }
    let history = try await mapStoreErrors { try await self.store.orderHistory(orderID: order.id) }
    var response = SoukOrdersV1.GetOrderHistoryResponse()
    response.events = OrderView.history(history, of: order, for: call.caller.principal)
    return response
  }
}
