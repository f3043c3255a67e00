package import SoukAPI
import SoukRPC
package import SoukStore

/// Turns a validated PlaceOrder request into the order the store saves, given the products and cooperatives the
/// store read inside its transaction: checks every product is orderable, every expected price matches and every
/// line is in stock, snapshots the product facts into the lines, computes the totals and splits the order into
/// one PENDING fulfilment per cooperative (in the order of each cooperative's first line).
package struct OrderPlacementBuilder: Sendable {
  /// The request, validated and normalised.
  package var request: SoukOrdersV1.PlaceOrderRequest
  /// The partner placing it.
  package var partnerID: String
  /// Who places it, for the first history entries.
  package var caller: Caller
  /// The placement time.
  package var time: SoukCommonV1.Timestamp

  /// A builder for `request` placed by `caller` (partner `partnerID`) at `time`.
  package init(
    request: SoukOrdersV1.PlaceOrderRequest,
    partnerID: String,
    caller: Caller,
    time: SoukCommonV1.Timestamp
  ) {
    self.request = request
    self.partnerID = partnerID
    self.caller = caller
    self.time = time
  }

  /// The placement; throws `FAILED_PRECONDITION` with `PRODUCT_UNAVAILABLE`, `PRICE_CHANGED` or `OUT_OF_STOCK`
  /// (one violation `lines[i].quantity` per short line), or `INVALID_ARGUMENT` when an amount overflows.
  package func build(_ input: OrderPlacementInput) throws(MarketError) -> OrderPlacement {
    let products = try self.orderedProducts(input)
    try self.checkStock(products)
    let orderID = Identifiers.make(.order)
    var fulfilments: [SoukOrdersV1.Fulfilment] = []
    var fulfilmentIndex: [String: Int] = [:]
    var lines: [SoukOrdersV1.OrderLine] = []
    var reservations: [String: Int64] = [:]
    for (index, (requested, product)) in zip(self.request.lines, products).enumerated() {
      let position: Int
      if let existing = fulfilmentIndex[product.cooperativeId] {
        position = existing
      } else {
        position = fulfilments.count
        fulfilmentIndex[product.cooperativeId] = position
        fulfilments.append(self.newFulfilment(orderID: orderID, cooperativeID: product.cooperativeId))
      }
      let line = try self.line(index: index, requested: requested, product: product, fulfilment: fulfilments[position])
      let goods = try OrderAmounts.add(
        fulfilments[position].goodsTotal?.amountMinor ?? 0,
        line.lineTotal?.amountMinor ?? 0
      )
      fulfilments[position].goodsTotal = SoukCommonV1.Money.mad(goods)
      lines.append(line)
      reservations[product.id, default: 0] += requested.quantity
    }
    var order = SoukOrdersV1.Order()
    order.id = orderID
    order.partnerId = self.partnerID
    order.partnerOrderReference = self.request.partnerOrderReference
    order.status = .placed
    order.customer = self.request.customer
    order.paymentMethod = self.request.paymentMethod
    order.lines = lines
    order.fulfilments = fulfilments
    order.note = self.request.note
    order.createdAt = self.time
    order.updatedAt = self.time
    order.totals = try OrderAmounts.totals(of: order)
    return OrderPlacement(order: order, events: self.events(of: order), reservations: reservations)
  }

  /// The product of each line, in line order; `PRODUCT_UNAVAILABLE` for the first missing or unorderable one,
  /// then `PRICE_CHANGED` for the first whose expected price differs.
  private func orderedProducts(_ input: OrderPlacementInput) throws(MarketError) -> [SoukCatalogV1.Product] {
    var products: [SoukCatalogV1.Product] = []
    for line in self.request.lines {
      guard let product = input.products[line.productId], product.orderable else {
        throw MarketError(
          .failedPrecondition,
          .productUnavailable,
          "product \(line.productId) cannot be ordered",
          metadata: ["product_id": line.productId]
        )
      }
      products.append(product)
    }
    for (line, product) in zip(self.request.lines, products) {
      guard let expected = line.expectedUnitPrice else { continue }
      let current = product.price ?? SoukCommonV1.Money.mad(0)
      if expected.amountMinor != current.amountMinor || expected.currencyCode != current.currencyCode {
        throw MarketError(
          .failedPrecondition,
          .priceChanged,
          "the price of product \(product.id) is now \(current.amountMinor) centimes",
          metadata: [
            "product_id": product.id,
            "current_price_minor": String(current.amountMinor),
            "currency_code": current.currencyCode,
          ]
        )
      }
    }
    return products
  }

  /// `OUT_OF_STOCK` with a violation per line asking more than its product's stock.
  private func checkStock(_ products: [SoukCatalogV1.Product]) throws(MarketError) {
    var violations: [SoukCommonV1.FieldViolation] = []
    var first: SoukCatalogV1.Product?
    for (index, (line, product)) in zip(self.request.lines, products).enumerated() where line.quantity > product.stock {
      var violation = SoukCommonV1.FieldViolation()
      violation.field = "lines[\(index)].quantity"
      violation.message = "only \(max(product.stock, 0)) available"
      violations.append(violation)
      if first == nil { first = product }
    }
    if let first {
      throw MarketError(
        .failedPrecondition,
        .outOfStock,
        "not enough stock for \(violations.count) line(s)",
        violations: violations,
        metadata: ["product_id": first.id, "available": String(max(first.stock, 0))]
      )
    }
  }

  private func newFulfilment(orderID: String, cooperativeID: String) -> SoukOrdersV1.Fulfilment {
    var fulfilment = SoukOrdersV1.Fulfilment()
    fulfilment.id = Identifiers.make(.fulfilment)
    fulfilment.orderId = orderID
    fulfilment.cooperativeId = cooperativeID
    fulfilment.status = .pending
    fulfilment.goodsTotal = SoukCommonV1.Money.mad(0)
    fulfilment.createdAt = self.time
    fulfilment.updatedAt = self.time
    return fulfilment
  }

  private func line(
    index: Int,
    requested: SoukOrdersV1.PlaceOrderLine,
    product: SoukCatalogV1.Product,
    fulfilment: SoukOrdersV1.Fulfilment
  ) throws(MarketError) -> SoukOrdersV1.OrderLine {
    let unitPrice = product.price?.amountMinor ?? 0
    var line = SoukOrdersV1.OrderLine()
    line.lineIndex = UInt32(index)
    line.productId = product.id
    line.cooperativeId = product.cooperativeId
    line.fulfilmentId = fulfilment.id
    line.sku = product.sku
    line.title = product.title
    line.unit = product.unit
    line.quantity = requested.quantity
    line.unitPrice = SoukCommonV1.Money.mad(unitPrice)
    line.lineTotal = SoukCommonV1.Money.mad(try OrderAmounts.multiply(unitPrice, requested.quantity))
    return line
  }

  /// The placement's history: the order UNSPECIFIED → PLACED, then each fulfilment UNSPECIFIED → PENDING.
  private func events(of order: SoukOrdersV1.Order) -> [SoukOrdersV1.OrderEvent] {
    var step = LifecycleStep(caller: self.caller, time: self.time)
    var placed = SoukOrdersV1.OrderStatusChange()
    placed.fromStatus = .unspecified
    placed.toStatus = .placed
    step.record(.orderStatusChanged(placed))
    for fulfilment in order.fulfilments {
      var created = SoukOrdersV1.FulfilmentStatusChange()
      created.fulfilmentId = fulfilment.id
      created.cooperativeId = fulfilment.cooperativeId
      created.fromStatus = .unspecified
      created.toStatus = .pending
      step.record(.fulfilmentStatusChanged(created))
    }
    return step.events
  }
}
