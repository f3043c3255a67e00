import Foundation
import SoukAPI
import SoukStore

/// Builds orders the way a service would, for the order checks: one fulfilment per cooperative, prices from the
/// catalog, a CREATED history entry per fulfilment, one reservation per line.
struct OrderFixture: Sendable {
  /// The order's lines: product id and quantity.
  var lines: [(productID: String, quantity: Int64)]
  var orderID = Fixtures.id("ord")
  var customerName = "Fatima Zahra Alaoui"
  var phone = "+212612345678"
  var region: SoukCommonV1.Region = .fesMeknes
  var createdMicros = Fixtures.baseMicros

  /// Creates a fixture with these lines.
  init(lines: [(productID: String, quantity: Int64)]) {
    self.lines = lines
  }

  /// The store's `build` step: the order from the products the store read.
  ///
  /// - Throws: ``ConformanceFailure`` when a product is missing.
  func build(_ input: OrderPlacementInput, partnerID: String, reference: String) throws -> OrderPlacement {
    var order = SoukOrdersV1.Order()
    order.id = orderID
    order.partnerId = partnerID
    order.partnerOrderReference = reference
    order.status = .placed
    order.paymentMethod = .cashOnDelivery
    var customer = SoukOrdersV1.Customer()
    customer.name = customerName
    var phoneNumber = SoukCommonV1.PhoneNumber()
    phoneNumber.e164 = phone
    customer.phone = phoneNumber
    var address = SoukCommonV1.PostalAddress()
    address.line1 = "12 Derb Sidi Ahmed"
    address.city = "Taza"
    address.region = region
    customer.deliveryAddress = address
    order.customer = customer
    order.createdAt = Fixtures.time(createdMicros)
    order.updatedAt = order.createdAt
    var fulfilmentIDs: [String: String] = [:]
    var reservations: [String: Int64] = [:]
    var total: Int64 = 0
    for (index, line) in lines.enumerated() {
      guard let product = input.products[line.productID] else {
        throw ConformanceFailure("build: product \(line.productID) was not read by the store")
      }
      let fulfilmentID = fulfilmentIDs[product.cooperativeId] ?? Fixtures.id("ful")
      if fulfilmentIDs[product.cooperativeId] == nil {
        fulfilmentIDs[product.cooperativeId] = fulfilmentID
        var fulfilment = SoukOrdersV1.Fulfilment()
        fulfilment.id = fulfilmentID
        fulfilment.orderId = orderID
        fulfilment.cooperativeId = product.cooperativeId
        fulfilment.status = .pending
        fulfilment.goodsTotal = Fixtures.mad(0)
        fulfilment.createdAt = order.createdAt
        order.fulfilments.append(fulfilment)
      }
      let price = product.price?.amountMinor ?? 0
      var orderLine = SoukOrdersV1.OrderLine()
      orderLine.lineIndex = UInt32(index)
      orderLine.productId = product.id
      orderLine.cooperativeId = product.cooperativeId
      orderLine.fulfilmentId = fulfilmentID
      orderLine.sku = product.sku
      orderLine.quantity = line.quantity
      orderLine.unitPrice = Fixtures.mad(price)
      orderLine.lineTotal = Fixtures.mad(price * line.quantity)
      order.lines.append(orderLine)
      if let position = order.fulfilments.firstIndex(where: { $0.id == fulfilmentID }) {
        order.fulfilments[position].goodsTotal = Fixtures.mad(
          (order.fulfilments[position].goodsTotal?.amountMinor ?? 0) + price * line.quantity
        )
      }
      reservations[product.id, default: 0] += line.quantity
      total += price * line.quantity
    }
    var totals = SoukOrdersV1.OrderTotals()
    totals.placedTotal = Fixtures.mad(total)
    totals.payableTotal = Fixtures.mad(total)
    totals.collectedTotal = Fixtures.mad(0)
    totals.outstandingTotal = Fixtures.mad(total)
    order.totals = totals
    let events = order.fulfilments.map { fulfilment in
      Self.event(
        .fulfilmentStatusChanged(Self.statusChange(fulfilment, from: .unspecified, to: .pending)),
        micros: createdMicros
      )
    }
    return OrderPlacement(order: order, events: events, reservations: reservations)
  }

  /// Places the order through `store` for `partnerID` with `reference`.
  func place(
    in store: any MarketStore,
    partnerID: String,
    reference: String? = nil,
    context: WriteContext = Fixtures.context()
  ) async throws -> SoukOrdersV1.Order {
    let reference = reference ?? Fixtures.id("ref")
    return try await store.placeOrder(
      partnerID: partnerID,
      reference: reference,
      productIDs: lines.map(\.productID),
      context: context
    ) { input in
      try build(input, partnerID: partnerID, reference: reference)
    }
  }

  /// A history entry.
  static func event(_ change: SoukOrdersV1.OrderEvent.Change, micros: Int64) -> SoukOrdersV1.OrderEvent {
    var event = SoukOrdersV1.OrderEvent()
    event.occurredAt = Fixtures.time(micros)
    event.actor = Fixtures.principal(.admin)
    event.apiKeyPrefix = "souk_test"
    event.change = change
    return event
  }

  /// A fulfilment status change.
  static func statusChange(
    _ fulfilment: SoukOrdersV1.Fulfilment,
    from: SoukOrdersV1.FulfilmentStatus,
    to: SoukOrdersV1.FulfilmentStatus
  ) -> SoukOrdersV1.FulfilmentStatusChange {
    var change = SoukOrdersV1.FulfilmentStatusChange()
    change.fulfilmentId = fulfilment.id
    change.cooperativeId = fulfilment.cooperativeId
    change.fromStatus = from
    change.toStatus = to
    return change
  }
}
