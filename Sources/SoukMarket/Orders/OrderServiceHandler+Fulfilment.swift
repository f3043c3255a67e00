public import SoukAPI
public import SoukRPC
import SoukStore
import SoukWire

extension OrderServiceHandler {
  /// Cancels the whole order (a partner before any part shipped, an admin while it is not final).
  public func cancelOrder(
    request: SoukOrdersV1.CancelOrderRequest,
    context: ServerContext
  ) async throws -> SoukOrdersV1.Order {
    try await self.step(request, on: .order(request.orderId), context: context) { validator, _ in
      .cancel(reason: validator.text(request.reason, field: "reason", required: true, maxLength: 500))
    }
  }

  /// The cooperative (or an admin) accepts a PENDING fulfilment.
  public func acceptFulfilment(
    request: SoukOrdersV1.AcceptFulfilmentRequest,
    context: ServerContext
  ) async throws -> SoukOrdersV1.Order {
    try await self.step(request, on: .fulfilment(request.fulfilmentId), context: context) { _, _ in
      .accept(fulfilmentID: request.fulfilmentId)
    }
  }

  /// The cooperative (or an admin) refuses a PENDING or ACCEPTED fulfilment; its stock is put back.
  public func refuseFulfilment(
    request: SoukOrdersV1.RefuseFulfilmentRequest,
    context: ServerContext
  ) async throws -> SoukOrdersV1.Order {
    try await self.step(request, on: .fulfilment(request.fulfilmentId), context: context) { validator, _ in
      .refuse(
        fulfilmentID: request.fulfilmentId,
        reason: validator.text(request.reason, field: "reason", required: true, maxLength: 500)
      )
    }
  }

  /// The cooperative (or an admin) hands an ACCEPTED fulfilment to a carrier.
  public func shipFulfilment(
    request: SoukOrdersV1.ShipFulfilmentRequest,
    context: ServerContext
  ) async throws -> SoukOrdersV1.Order {
    try await self.step(request, on: .fulfilment(request.fulfilmentId), context: context) { validator, call in
      .ship(
        fulfilmentID: request.fulfilmentId,
        carrier: validator.text(request.carrier, field: "carrier", required: true, maxLength: 100),
        trackingReference: validator.text(request.trackingReference, field: "tracking_reference", maxLength: 100),
        at: OrderValidation.pastTime(request.shippedAt, field: "shipped_at", now: call.time, into: &validator)
      )
    }
  }

  /// Records that a SHIPPED fulfilment reached the customer.
  public func markDelivered(
    request: SoukOrdersV1.MarkDeliveredRequest,
    context: ServerContext
  ) async throws -> SoukOrdersV1.Order {
    try await self.step(request, on: .fulfilment(request.fulfilmentId), context: context) { validator, call in
      .deliver(
        fulfilmentID: request.fulfilmentId,
        at: OrderValidation.pastTime(request.deliveredAt, field: "delivered_at", now: call.time, into: &validator)
      )
    }
  }

  /// Records that the customer refused a SHIPPED fulfilment at delivery; stock is not put back.
  public func markDeliveryRefused(
    request: SoukOrdersV1.MarkDeliveryRefusedRequest,
    context: ServerContext
  ) async throws -> SoukOrdersV1.Order {
    try await self.step(request, on: .fulfilment(request.fulfilmentId), context: context) { validator, call in
      .refuseDelivery(
        fulfilmentID: request.fulfilmentId,
        reason: validator.text(request.reason, field: "reason", required: true, maxLength: 500),
        at: OrderValidation.pastTime(request.refusedAt, field: "refused_at", now: call.time, into: &validator)
      )
    }
  }

  /// Records money received for an order or one of its fulfilments.
  public func recordPayment(
    request: SoukOrdersV1.RecordPaymentRequest,
    context: ServerContext
  ) async throws -> SoukOrdersV1.Order {
    try await self.step(request, on: .order(request.orderId), context: context) { validator, call in
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
      return .recordPayment(payment)
    }
  }

  /// The shape every step of an order shares: the request's idempotency key and target id are checked together
  /// with the step's own fields (`action` records their violations and makes the action), every wrong field is
  /// refused at once, and the action runs through ``change(_:_:call:write:)`` under the request's key.
  private func step<Request: IdempotentRequest>(
    _ request: Request,
    on target: OrderTarget,
    context: ServerContext,
    _ action: (inout RequestValidator, MarketCall) -> FulfilmentAction
  ) async throws -> SoukOrdersV1.Order {
    let call = try MarketCall(context)
    var validator = RequestValidator()
    validator.idempotencyKey(request.idempotencyKey)
    switch target {
    case .order(let id): OrderValidation.id(id, field: "order_id", into: &validator)
    case .fulfilment(let id): OrderValidation.id(id, field: "fulfilment_id", into: &validator)
    }
    let step = action(&validator, call)
    try validator.check()
    return try await self.change(target, step, call: call, write: call.write(idempotent: request))
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
