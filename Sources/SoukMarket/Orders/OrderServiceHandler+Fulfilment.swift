public import SoukAPI
public import SoukRPC
import SoukStore

extension OrderServiceHandler {
  /// Cancels the whole order (a partner before any part shipped, an admin while it is not final).
  public func cancelOrder(
    request: SoukOrdersV1.CancelOrderRequest,
    context: ServerContext
  ) async throws -> SoukOrdersV1.Order {
    let call = try MarketCall(context)
    var validator = RequestValidator()
    validator.idempotencyKey(request.idempotencyKey)
    OrderValidation.id(request.orderId, field: "order_id", into: &validator)
    let reason = validator.text(request.reason, field: "reason", required: true, maxLength: 500)
    try validator.check()
    let write = call.write(idempotent: request)
    return try await self.change(.order(request.orderId), .cancel(reason: reason), call: call, write: write)
  }

  /// The cooperative (or an admin) accepts a PENDING fulfilment.
  public func acceptFulfilment(
    request: SoukOrdersV1.AcceptFulfilmentRequest,
    context: ServerContext
  ) async throws -> SoukOrdersV1.Order {
    let call = try MarketCall(context)
    var validator = RequestValidator()
    validator.idempotencyKey(request.idempotencyKey)
    OrderValidation.id(request.fulfilmentId, field: "fulfilment_id", into: &validator)
    try validator.check()
    let write = call.write(idempotent: request)
    let action = FulfilmentAction.accept(fulfilmentID: request.fulfilmentId)
    return try await self.change(.fulfilment(request.fulfilmentId), action, call: call, write: write)
  }

  /// The cooperative (or an admin) refuses a PENDING or ACCEPTED fulfilment; its stock is put back.
  public func refuseFulfilment(
    request: SoukOrdersV1.RefuseFulfilmentRequest,
    context: ServerContext
  ) async throws -> SoukOrdersV1.Order {
    let call = try MarketCall(context)
    var validator = RequestValidator()
    validator.idempotencyKey(request.idempotencyKey)
    OrderValidation.id(request.fulfilmentId, field: "fulfilment_id", into: &validator)
    let reason = validator.text(request.reason, field: "reason", required: true, maxLength: 500)
    try validator.check()
    let write = call.write(idempotent: request)
    let action = FulfilmentAction.refuse(fulfilmentID: request.fulfilmentId, reason: reason)
    return try await self.change(.fulfilment(request.fulfilmentId), action, call: call, write: write)
  }

  /// The cooperative (or an admin) hands an ACCEPTED fulfilment to a carrier.
  public func shipFulfilment(
    request: SoukOrdersV1.ShipFulfilmentRequest,
    context: ServerContext
  ) async throws -> SoukOrdersV1.Order {
    let call = try MarketCall(context)
    var validator = RequestValidator()
    validator.idempotencyKey(request.idempotencyKey)
    OrderValidation.id(request.fulfilmentId, field: "fulfilment_id", into: &validator)
    let carrier = validator.text(request.carrier, field: "carrier", required: true, maxLength: 100)
    let tracking = validator.text(request.trackingReference, field: "tracking_reference", maxLength: 100)
    let shippedAt = OrderValidation.pastTime(request.shippedAt, field: "shipped_at", now: call.time, into: &validator)
    try validator.check()
    let write = call.write(idempotent: request)
    let action = FulfilmentAction.ship(
      fulfilmentID: request.fulfilmentId,
      carrier: carrier,
      trackingReference: tracking,
      at: shippedAt
    )
    return try await self.change(.fulfilment(request.fulfilmentId), action, call: call, write: write)
  }

  /// Records that a SHIPPED fulfilment reached the customer.
  public func markDelivered(
    request: SoukOrdersV1.MarkDeliveredRequest,
    context: ServerContext
  ) async throws -> SoukOrdersV1.Order {
    let call = try MarketCall(context)
    var validator = RequestValidator()
    validator.idempotencyKey(request.idempotencyKey)
    OrderValidation.id(request.fulfilmentId, field: "fulfilment_id", into: &validator)
    let at = OrderValidation.pastTime(request.deliveredAt, field: "delivered_at", now: call.time, into: &validator)
    try validator.check()
    let write = call.write(idempotent: request)
    let action = FulfilmentAction.deliver(fulfilmentID: request.fulfilmentId, at: at)
    return try await self.change(.fulfilment(request.fulfilmentId), action, call: call, write: write)
  }

  /// Records that the customer refused a SHIPPED fulfilment at delivery; stock is not put back.
  public func markDeliveryRefused(
    request: SoukOrdersV1.MarkDeliveryRefusedRequest,
    context: ServerContext
  ) async throws -> SoukOrdersV1.Order {
    let call = try MarketCall(context)
    var validator = RequestValidator()
    validator.idempotencyKey(request.idempotencyKey)
    OrderValidation.id(request.fulfilmentId, field: "fulfilment_id", into: &validator)
    let reason = validator.text(request.reason, field: "reason", required: true, maxLength: 500)
    let at = OrderValidation.pastTime(request.refusedAt, field: "refused_at", now: call.time, into: &validator)
    try validator.check()
    let write = call.write(idempotent: request)
    let action = FulfilmentAction.refuseDelivery(fulfilmentID: request.fulfilmentId, reason: reason, at: at)
    return try await self.change(.fulfilment(request.fulfilmentId), action, call: call, write: write)
  }

  /// Records money received for an order or one of its fulfilments.
  public func recordPayment(
    request: SoukOrdersV1.RecordPaymentRequest,
    context: ServerContext
  ) async throws -> SoukOrdersV1.Order {
    let call = try MarketCall(context)
    var validator = RequestValidator()
    validator.idempotencyKey(request.idempotencyKey)
    OrderValidation.id(request.orderId, field: "order_id", into: &validator)
    if !OrderValidation.isKnown(request.method) {
      validator.fail("method", "is required")
    } else if request.method == .cashOnDelivery && request.fulfilmentId.isEmpty {
      validator.fail("fulfilment_id", "is required for cash on delivery")
    }
    validator.money(request.amount, field: "amount", required: true, allowZero: false)
    var payment = SoukOrdersV1.Payment()
    payment.id = Identifiers.make(.payment)
    payment.fulfilmentId = request.fulfilmentId
    payment.method = request.method
    payment.amount = request.amount
    payment.collectedAt = OrderValidation.pastTime(
      request.collectedAt,
      field: "collected_at",
      now: call.time,
      into: &validator
    )
    payment.collectedBy = validator.text(request.collectedBy, field: "collected_by", maxLength: 100)
    payment.receiptReference = validator.text(request.receiptReference, field: "receipt_reference", maxLength: 100)
    try validator.check()
    let write = call.write(idempotent: request)
    return try await self.change(.order(request.orderId), .recordPayment(payment), call: call, write: write)
  }

  /// Loads the target's order (`NOT_FOUND` when the caller may not see it), then applies `action` through the
  /// state machine inside the store's transaction and returns the order as the caller may see it.
  func change(
    _ target: OrderTarget,
    _ action: FulfilmentAction,
    call: MarketCall,
    write: WriteContext
  ) async throws -> SoukOrdersV1.Order {
    let stored: SoukOrdersV1.Order?
    switch target {
    case .order(let id): stored = try await mapStoreErrors { try await self.store.order(id: id) }
    case .fulfilment(let id): stored = try await mapStoreErrors { try await self.store.order(fulfilmentID: id) }
    }
    guard let stored, OrderView.canSee(stored, call.caller.principal) else {
      switch target {
      case .order(let id): throw MarketError.notFound("order", id: id)
      case .fulfilment(let id): throw MarketError.notFound("fulfilment", id: id)
      }
    }
    let caller = call.caller
    let time = call.time
    let updated = try await mapStoreErrors {
      try await self.store.updateOrder(id: stored.id, context: write) { order in
        var machine = FulfilmentStateMachine(order: order)
        let change = try machine.apply(action, by: caller, at: time)
        order = machine.order
        return change
      }
    }
    return try self.visible(updated, id: updated.id, call: call)
  }
}
