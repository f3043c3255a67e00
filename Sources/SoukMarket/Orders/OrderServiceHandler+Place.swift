public import SoukAPI
public import SoukRPC
import SoukStore

extension OrderServiceHandler {
  /// Places an order for the calling partner; see `PlaceOrder` in the schema.
  public func placeOrder(
    request: SoukOrdersV1.PlaceOrderRequest,
    context: ServerContext
  ) async throws -> SoukOrdersV1.Order {
    // Only partners reach here: the schema gives PlaceOrder to the partner role alone (MarketAuthorization).
    let call = try MarketCall(context)
    let normalized = try Self.validated(request)
    let partner = try await mapStoreErrors { try await self.store.partner(id: call.principalID) }
    guard let partner else { throw MarketError.notFound("partner", id: call.principalID) }
    guard partner.status != .suspended else {
      throw MarketError.suspended("partner \(partner.id) is suspended and cannot place orders")
    }
    let write = call.write(idempotent: request)
    let builder = OrderPlacementBuilder(
      request: normalized,
      partnerID: partner.id,
      caller: call.caller,
      time: call.time
    )
    let order = try await mapStoreErrors {
      try await self.store.placeOrder(
        partnerID: partner.id,
        reference: normalized.partnerOrderReference,
        productIDs: normalized.lines.map(\.productId),
        context: write
      ) { input in try builder.build(input) }
    }
    return try self.visible(order, id: order.id, call: call)
  }

  /// `request` with its text trimmed, the phone in E.164 and the country set; `INVALID_ARGUMENT` naming every
  /// wrong field otherwise.
  static func validated(_ request: SoukOrdersV1.PlaceOrderRequest) throws(MarketError) -> SoukOrdersV1.PlaceOrderRequest
  {
    var validator = RequestValidator()
    var result = request
    validator.idempotencyKey(request.idempotencyKey)
    if !OrderValidation.isOrderReference(request.partnerOrderReference) {
      validator.fail("partner_order_reference", "must be 1 to 64 printable ASCII characters")
    }
    result.customer = Self.validated(request.customer, into: &validator)
    if !OrderValidation.isKnown(request.paymentMethod) {
      validator.fail("payment_method", "is required")
    }
    if request.lines.isEmpty || request.lines.count > 100 {
      validator.fail("lines", "must hold 1 to 100 lines")
    }
    var seen = Set<String>()
    for (index, line) in request.lines.enumerated() {
      let field = "lines[\(index)]"
      if line.productId.isEmpty {
        validator.fail("\(field).product_id", "is required")
      } else if !seen.insert(line.productId).inserted {
        validator.fail("\(field).product_id", "orders a product already ordered by another line")
      }
      if !(1...10_000).contains(line.quantity) {
        validator.fail("\(field).quantity", "must be between 1 and 10000")
      }
      validator.money(line.expectedUnitPrice, field: "\(field).expected_unit_price")
    }
    result.note = validator.text(request.note, field: "note", maxLength: 500)
    try validator.check()
    return result
  }

  /// The customer normalised, recording its wrong fields.
  private static func validated(
    _ customer: SoukOrdersV1.Customer?,
    into validator: inout RequestValidator
  ) -> SoukOrdersV1.Customer? {
    guard let customer else {
      validator.fail("customer", "is required")
      return nil
    }
    var result = customer
    result.name = validator.text(customer.name, field: "customer.name", required: true, maxLength: 100)
    result.phone = validator.phone(customer.phone, field: "customer.phone", required: true)
    result.email = validator.text(customer.email, field: "customer.email", maxLength: 254)
    if !result.email.isEmpty && !result.email.contains("@") {
      validator.fail("customer.email", "must be an e-mail address")
    }
    result.deliveryInstructions = validator.text(
      customer.deliveryInstructions,
      field: "customer.delivery_instructions",
      maxLength: 500
    )
    guard let address = customer.deliveryAddress else {
      validator.fail("customer.delivery_address", "is required")
      return result
    }
    let field = "customer.delivery_address"
    var normalized = address
    normalized.line1 = validator.text(address.line1, field: "\(field).line1", required: true, maxLength: 200)
    normalized.line2 = validator.text(address.line2, field: "\(field).line2", maxLength: 200)
    normalized.city = validator.text(address.city, field: "\(field).city", required: true, maxLength: 100)
    normalized.province = validator.text(address.province, field: "\(field).province", maxLength: 100)
    normalized.postalCode = validator.text(address.postalCode, field: "\(field).postal_code", maxLength: 5)
    if !normalized.postalCode.isEmpty
      && (normalized.postalCode.utf8.count != 5
        || !normalized.postalCode.utf8.allSatisfy { (0x30...0x39).contains($0) })
    {
      validator.fail("\(field).postal_code", "must be five digits")
    }
    if case .unrecognized = address.region { validator.fail("\(field).region", "is not a known region") }
    let country = address.countryCode.uppercased()
    if !country.isEmpty && country != "MA" {
      validator.fail("\(field).country_code", "must be MA: Souk delivers in Morocco only")
    }
    normalized.countryCode = "MA"
    result.deliveryAddress = normalized
    return result
  }
}
