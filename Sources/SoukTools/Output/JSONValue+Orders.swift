public import SoukAPI

extension JSONValue {
  /// An order with its customer, lines, fulfilments, payments and totals; field names as in the schema.
  public init(_ order: SoukOrdersV1.Order) {
    self = .members([
      ("id", .string(order.id)),
      ("partner_id", .string(order.partnerId)),
      ("partner_order_reference", .string(order.partnerOrderReference)),
      ("status", .name(order.status)),
      ("customer", order.customer.map(JSONValue.init)),
      ("payment_method", .name(order.paymentMethod)),
      ("lines", .array(order.lines.map(JSONValue.init))),
      ("fulfilments", .array(order.fulfilments.map(JSONValue.init))),
      ("payments", .array(order.payments.map(JSONValue.init))),
      ("totals", order.totals.map(JSONValue.init)),
      ("note", .text(order.note)),
      ("created_at", order.createdAt.map(JSONValue.init)),
      ("updated_at", order.updatedAt.map(JSONValue.init)),
    ])
  }

  /// A customer.
  public init(_ customer: SoukOrdersV1.Customer) {
    self = .members([
      ("name", .string(customer.name)),
      ("phone", customer.phone.flatMap { JSONValue.text($0.e164) }),
      ("delivery_address", customer.deliveryAddress.map(JSONValue.init)),
      ("email", .text(customer.email)),
      ("delivery_instructions", .text(customer.deliveryInstructions)),
    ])
  }

  /// An order line.
  public init(_ line: SoukOrdersV1.OrderLine) {
    self = .members([
      ("line_index", .unsigned(UInt64(line.lineIndex))),
      ("product_id", .string(line.productId)),
      ("cooperative_id", .string(line.cooperativeId)),
      ("fulfilment_id", .string(line.fulfilmentId)),
      ("sku", .string(line.sku)),
      ("title", line.title.map(JSONValue.init)),
      ("unit", line.unit.map { JSONValue.members([("kind", .name($0.kind)), ("amount", .unsigned($0.amount))]) }),
      ("quantity", .integer(line.quantity)),
      ("unit_price", line.unitPrice.map(JSONValue.init)),
      ("line_total", line.lineTotal.map(JSONValue.init)),
    ])
  }

  /// A fulfilment.
  public init(_ fulfilment: SoukOrdersV1.Fulfilment) {
    self = .members([
      ("id", .string(fulfilment.id)),
      ("cooperative_id", .string(fulfilment.cooperativeId)),
      ("status", .name(fulfilment.status)),
      ("goods_total", fulfilment.goodsTotal.map(JSONValue.init)),
      ("carrier", .text(fulfilment.carrier)),
      ("tracking_reference", .text(fulfilment.trackingReference)),
      ("reason", .text(fulfilment.reason)),
      ("created_at", fulfilment.createdAt.map(JSONValue.init)),
      ("accepted_at", fulfilment.acceptedAt.map(JSONValue.init)),
      ("shipped_at", fulfilment.shippedAt.map(JSONValue.init)),
      ("delivered_at", fulfilment.deliveredAt.map(JSONValue.init)),
      ("updated_at", fulfilment.updatedAt.map(JSONValue.init)),
    ])
  }

  /// A payment.
  public init(_ payment: SoukOrdersV1.Payment) {
    self = .members([
      ("id", .string(payment.id)),
      ("fulfilment_id", .text(payment.fulfilmentId)),
      ("method", .name(payment.method)),
      ("amount", payment.amount.map(JSONValue.init)),
      ("collected_at", payment.collectedAt.map(JSONValue.init)),
      ("collected_by", .text(payment.collectedBy)),
      ("receipt_reference", .text(payment.receiptReference)),
      ("recorded_by", payment.recordedBy.map(JSONValue.init)),
      ("recorded_at", payment.recordedAt.map(JSONValue.init)),
    ])
  }

  /// An order's amounts.
  public init(_ totals: SoukOrdersV1.OrderTotals) {
    self = .members([
      ("placed_total", totals.placedTotal.map(JSONValue.init)),
      ("payable_total", totals.payableTotal.map(JSONValue.init)),
      ("collected_total", totals.collectedTotal.map(JSONValue.init)),
      ("outstanding_total", totals.outstandingTotal.map(JSONValue.init)),
    ])
  }

  /// One entry of an order's history.
  public init(_ event: SoukOrdersV1.OrderEvent) {
    var members: [(String, JSONValue?)] = [
      ("event_number", .unsigned(UInt64(event.eventNumber))),
      ("occurred_at", event.occurredAt.map(JSONValue.init)),
      ("actor", event.actor.map(JSONValue.init)),
      ("api_key_prefix", .text(event.apiKeyPrefix)),
      ("reason", .text(event.reason)),
    ]
    switch event.change {
    case .orderStatusChanged(let status):
      members.append(
        ("order_status_changed", .object([("from", .name(status.fromStatus)), ("to", .name(status.toStatus))])))
    case .fulfilmentStatusChanged(let status):
      members.append(
        (
          "fulfilment_status_changed",
          .object([
            ("fulfilment_id", .string(status.fulfilmentId)), ("cooperative_id", .string(status.cooperativeId)),
            ("from", .name(status.fromStatus)), ("to", .name(status.toStatus)),
          ])
        ))
    case .paymentRecorded(let payment):
      members.append(("payment_recorded", JSONValue(payment)))
    case nil:
      break
    }
    self = .members(members)
  }

  /// Everything about one order: the order, its history, partner and cooperatives.
  public init(_ details: SoukAdminV1.OrderDetails) {
    self = .members([
      ("order", details.order.map(JSONValue.init)),
      ("history", .array(details.history.map(JSONValue.init))),
      ("partner", details.partner.map(JSONValue.init)),
      ("cooperatives", .array(details.cooperatives.map(JSONValue.init))),
    ])
  }
}
