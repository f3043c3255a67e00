import SoukAPI
import SoukAPIServices
import SoukMarket
import SoukRPC
import SoukStore
import SoukStoreSQLite
import Testing

/// The admin's view of orders: listing across every partner and cooperative, one order's details, and totals.
/// The order is placed through the store directly, as the order service would, so that these tests depend only
/// on the catalog and admin services.
@Suite("Admin order inspection")
struct AdminOrdersTests {
  /// An order of `partnerID` with one line and one pending fulfilment per product.
  private func place(
    _ market: MarketHarness,
    partnerID: String,
    products: [SoukCatalogV1.Product]
  ) async throws -> SoukOrdersV1.Order {
    let call = MarketCall(system: "test/PlaceOrder")
    var order = SoukOrdersV1.Order()
    order.id = Identifiers.make(.order)
    order.partnerId = partnerID
    order.partnerOrderReference = "REF-\(order.id.suffix(6))"
    order.status = .placed
    order.paymentMethod = .cashOnDelivery
    var customer = SoukOrdersV1.Customer()
    customer.name = "Khadija Benali"
    var phone = SoukCommonV1.PhoneNumber()
    phone.e164 = "+212612345678"
    customer.phone = phone
    order.customer = customer
    order.createdAt = call.time
    order.updatedAt = call.time
    for (index, product) in products.enumerated() {
      var fulfilment = SoukOrdersV1.Fulfilment()
      fulfilment.id = Identifiers.make(.fulfilment)
      fulfilment.orderId = order.id
      fulfilment.cooperativeId = product.cooperativeId
      fulfilment.status = .pending
      fulfilment.goodsTotal = product.price
      fulfilment.createdAt = call.time
      order.fulfilments.append(fulfilment)
      var line = SoukOrdersV1.OrderLine()
      line.lineIndex = UInt32(index)
      line.productId = product.id
      line.cooperativeId = product.cooperativeId
      line.fulfilmentId = fulfilment.id
      line.quantity = 1
      line.unitPrice = product.price
      line.lineTotal = product.price
      order.lines.append(line)
    }
    let placed = order
    let reservations = Dictionary(uniqueKeysWithValues: products.map { ($0.id, Int64(1)) })
    return try await market.store.placeOrder(
      partnerID: partnerID,
      reference: placed.partnerOrderReference,
      productIDs: products.map(\.id),
      context: call.write()
    ) { _ in OrderPlacement(order: placed, events: [], reservations: reservations) }
  }

  @Test("admins list every order, see one with its partner and cooperatives, and total it per cooperative")
  func inspection() async throws {
    try await MarketHarness.with { market in
      let (taza, tazaSession) = try await market.makeCooperative(name: "Taza")
      let (ifrane, ifraneSession) = try await market.makeCooperative(name: "Ifrane")
      let (partner, _) = try await market.makePartner()
      let honey = try await tazaSession.createProduct(Requests.product(sku: "H-1"))
      var cedarRequest = Requests.product(sku: "C-1")
      cedarRequest.price = SoukCommonV1.Money.mad(25_000)
      let cedar = try await ifraneSession.createProduct(cedarRequest)
      let both = try await self.place(market, partnerID: partner.id, products: [honey, cedar])
      let onlyHoney = try await self.place(market, partnerID: partner.id, products: [honey])

      var list = SoukAdminV1.AdminListOrdersRequest()
      let all = try await market.admin.admin.listOrders(list, metadata: market.admin.metadata)
      #expect(all.orders.map(\.id) == [onlyHoney.id, both.id])
      var filter = SoukOrdersV1.ListOrdersRequest()
      filter.cooperativeId = ifrane.id
      list.filter = filter
      #expect(
        try await market.admin.admin.listOrders(list, metadata: market.admin.metadata).orders.map(\.id) == [both.id])
      var byPhone = SoukAdminV1.AdminListOrdersRequest()
      for query in ["0612345678", "+212 6 12 34 56 78", "khadija"] {
        byPhone.customerQuery = query
        let found = try await market.admin.admin.listOrders(byPhone, metadata: market.admin.metadata).orders
        #expect(found.count == 2, "query \(query)")
      }
      byPhone.customerQuery = "0699999999"
      #expect(try await market.admin.admin.listOrders(byPhone, metadata: market.admin.metadata).orders.isEmpty)

      var get = SoukAdminV1.GetOrderDetailsRequest()
      get.orderId = both.id
      let details = try await market.admin.admin.getOrderDetails(get, metadata: market.admin.metadata)
      #expect(details.order?.id == both.id)
      #expect(details.partner?.id == partner.id)
      #expect(details.cooperatives.map(\.id) == [taza.id, ifrane.id])
      get.orderId = "ord_missing"
      await expectRefusal(.notFound) {
        try await market.admin.admin.getOrderDetails(get, metadata: market.admin.metadata)
      }

      let today = MoroccanDay.of(both.createdAt)
      var totals = SoukAdminV1.GetOrderTotalsRequest()
      totals.fromDate = today
      totals.toDate = today
      totals.groupBy = [.cooperative]
      let response = try await market.admin.admin.getOrderTotals(totals, metadata: market.admin.metadata)
      let expected = [taza.id: (2, 17_800), ifrane.id: (1, 25_000)].sorted { $0.key < $1.key }
      #expect(response.groups.map(\.cooperativeId) == expected.map(\.key))
      #expect(response.groups.map(\.orderCount) == expected.map { UInt64($0.value.0) })
      #expect(response.groups.map { $0.goodsTotal?.amountMinor } == expected.map { Int64($0.value.1) })
      #expect(response.overall?.orderCount == 2)
      #expect(response.overall?.fulfilmentCount == 3)
    }
  }
}
