public import SoukAPI
public import SoukRPC
import SoukStore

extension AdminServiceHandler {
  /// The most orders one admin listing page holds (for exports).
  static let maxOrderPageSize = 1000

  /// Lists and searches every order, unfiltered by ownership, one page at a time.
  public func listOrders(
    request: SoukAdminV1.AdminListOrdersRequest,
    context: ServerContext
  ) async throws -> SoukOrdersV1.ListOrdersResponse {
    let call = try MarketCall(context)
    let filter = request.filter ?? SoukOrdersV1.ListOrdersRequest()
    var validator = RequestValidator()
    let text = validator.text(request.customerQuery, field: "customer_query", maxLength: 200)
    if let from = filter.createdFrom, let before = filter.createdBefore, before.micros <= from.micros {
      validator.fail("filter.created_before", "must be after filter.created_from")
    }
    try validator.check()
    let binding = PageToken<ListPosition>.binding(for: request, call: call) { $0.filter?.page = nil }
    let position = try PageToken<ListPosition>.decode(filter.page.token, binding: binding)

    var query = OrderQuery()
    query.statuses = filter.statuses
    query.fulfilmentStatuses = filter.fulfilmentStatuses
    query.cooperativeID = filter.cooperativeId.isEmpty ? nil : filter.cooperativeId
    query.partnerID = filter.partnerId.isEmpty ? nil : filter.partnerId
    query.createdFromMicros = filter.createdFrom?.micros
    query.createdBeforeMicros = filter.createdBefore?.micros
    query.partnerOrderReference = filter.partnerOrderReference.isEmpty ? nil : filter.partnerOrderReference
    query.newestFirst = filter.sort != .createdAsc
    query.paymentMethods = request.paymentMethods
    query.productID = request.productId.isEmpty ? nil : request.productId
    query.deliveryRegions = request.deliveryRegions
    query.customerQueryWords = Self.customerWords(of: text)
    query.hasOutstanding = request.hasOutstanding

    let limit = filter.page.size(maximum: Self.maxOrderPageSize)
    let orders = try await mapStoreErrors { try await self.store.listOrders(query, after: position, limit: limit) }
    var response = SoukOrdersV1.ListOrdersResponse()
    response.orders = orders
    if orders.count == limit, let last = orders.last {
      let next = ListPosition(createdAtMicros: last.createdAt?.micros ?? 0, id: last.id)
      response.nextPageToken = PageToken.encode(next, binding: binding)
    }
    return response
  }

  /// The store words of a customer query. A query written like a phone number (digits, spaces, `+ - . ( )`)
  /// becomes one word of its digits, without a national trunk `0` or an international `00` when it is as long
  /// as a phone number, so that `0612345678` finds `+212612345678`; the store matches an all-digit word against
  /// phone digits as a substring and against ids and references as a prefix.
  static func customerWords(of text: String) -> [String] {
    let phoneLike = !text.isEmpty && text.allSatisfy { ($0.isASCII && $0.isNumber) || " +-.()".contains($0) }
    guard phoneLike else { return SearchText.words(of: text) }
    var digits = String(text.filter { $0.isASCII && $0.isNumber })
    if digits.count >= 9 {
      while digits.hasPrefix("0") { digits.removeFirst() }
    }
    return digits.isEmpty ? [] : [digits]
  }

  /// One order with its history, its partner and the cooperatives of its fulfilments.
  public func getOrderDetails(
    request: SoukAdminV1.GetOrderDetailsRequest,
    context: ServerContext
  ) async throws -> SoukAdminV1.OrderDetails {
    _ = try MarketCall(context)
    guard !request.orderId.isEmpty else { throw MarketError.invalid(field: "order_id", "is required") }
    return try await mapStoreErrors {
      guard let order = try await self.store.order(id: request.orderId) else {
        throw MarketError.notFound("order", id: request.orderId)
      }
      var details = SoukAdminV1.OrderDetails()
      details.order = order
      details.history = try await self.store.orderHistory(orderID: order.id)
      details.partner = try await self.store.partner(id: order.partnerId)
      for fulfilment in order.fulfilments {
        if let cooperative = try await self.store.cooperative(id: fulfilment.cooperativeId) {
          details.cooperatives.append(cooperative)
        }
      }
      return details
    }
  }
}
