package import SoukAPI

extension TestMarket {
  /// A valid cash-on-delivery order of `quantity` units of one product for `customerName`, with the idempotency
  /// key `key` (none when `nil`).
  package static func orderRequest(
    key: String? = nil,
    reference: String,
    productID: String,
    quantity: Int64 = 1,
    customerName: String = "Nadia El Fassi"
  ) -> SoukOrdersV1.PlaceOrderRequest {
    var request = SoukOrdersV1.PlaceOrderRequest()
    if let key { request.idempotencyKey = key }
    request.partnerOrderReference = reference
    var customer = SoukOrdersV1.Customer()
    customer.name = customerName
    customer.phone = .init()
    customer.phone?.e164 = "0612345678"
    customer.deliveryAddress = .init()
    customer.deliveryAddress?.line1 = "12 Rue Talaa Kebira"
    customer.deliveryAddress?.city = "Fès"
    request.customer = customer
    request.paymentMethod = .cashOnDelivery
    var line = SoukOrdersV1.PlaceOrderLine()
    line.productId = productID
    line.quantity = quantity
    request.lines = [line]
    return request
  }
}
