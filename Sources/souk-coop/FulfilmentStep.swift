import SoukAPI
import SoukClient
import SoukTools

/// What accept, refuse, ship and deliver share: make the call, then say where the fulfilment stands.
enum FulfilmentStep {
  /// Prints `Fulfilment F of order O is now shipped (DHL 123).` from the order the server returned.
  static func report(_ order: SoukOrdersV1.Order, fulfilmentID: String) {
    let fulfilment = OrderText.fulfilment(of: order, id: fulfilmentID)
    var line =
      "Fulfilment \(fulfilmentID) of order \(order.id) is now "
      + (fulfilment.map { FulfilmentStatusName.name(of: $0.status) } ?? "changed")
    if let fulfilment, !fulfilment.trackingReference.isEmpty {
      line += " (\(fulfilment.carrier) \(fulfilment.trackingReference))"
    }
    Console.out(line + ".")
  }
}
