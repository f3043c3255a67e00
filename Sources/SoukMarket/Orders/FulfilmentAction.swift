package import SoukAPI

/// One step a caller asks of an order: the input of ``FulfilmentStateMachine``.
///
/// The values are already validated (reasons trimmed and within their lengths, times not in the future); the
/// machine checks only what needs the order: who may, from which status, amounts due and times after earlier
/// steps.
package enum FulfilmentAction: Sendable, Hashable {
  /// The cooperative takes on its PENDING part (PENDING → ACCEPTED).
  case accept(fulfilmentID: String)
  /// The cooperative declines its PENDING or ACCEPTED part (→ REFUSED); its stock is put back.
  case refuse(fulfilmentID: String, reason: String)
  /// The ACCEPTED part is handed to a carrier at `at` (→ SHIPPED).
  case ship(fulfilmentID: String, carrier: String, trackingReference: String, at: SoukCommonV1.Timestamp)
  /// The SHIPPED part reached the customer at `at` (→ DELIVERED).
  case deliver(fulfilmentID: String, at: SoukCommonV1.Timestamp)
  /// The customer refused the SHIPPED part at `at` (→ DELIVERY_REFUSED); stock is not put back.
  case refuseDelivery(fulfilmentID: String, reason: String, at: SoukCommonV1.Timestamp)
  /// The whole order is cancelled (see the schema for what each fulfilment becomes).
  case cancel(reason: String)
  /// Money received: `payment` has its id, fulfilment (empty for the whole order), method, amount, collection
  /// time and receipt set; the machine sets who recorded it and when.
  case recordPayment(SoukOrdersV1.Payment)

  /// The fulfilment the action is about; nil for the order-level actions (cancel, a payment of the whole order).
  package var fulfilmentID: String? {
    switch self {
    case .accept(let id), .refuse(let id, _), .ship(let id, _, _, _), .deliver(let id, _),
      .refuseDelivery(let id, _, _):
      return id
    case .cancel:
      return nil
    case .recordPayment(let payment):
      return payment.fulfilmentId.isEmpty ? nil : payment.fulfilmentId
    }
  }
}
