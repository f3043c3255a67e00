import Foundation
import SoukAPI
import SoukAPIServices
import SoukServerTestSupport

/// The accounts, products and orders the command tests list: made through the services, as people would.
struct AdminFixtures: Sendable {
  let cooperative: SoukCatalogV1.Cooperative
  let partner: SoukAdminV1.Partner
  let partnerKey: String
  let product: SoukCatalogV1.Product
  /// Newest last.
  let orders: [SoukOrdersV1.Order]

  /// A cooperative named in French and Arabic, a partner, a honey product at 45.00 MAD, and `orderCount` orders
  /// (order `i` buys `i + 1` jars; references `CMD-1`, `CMD-2`...). The first order is accepted.
  static func make(in market: TestMarket, orderCount: Int = 2) async throws -> AdminFixtures {
    let (cooperative, cooperativeKey) = try await market.makeCooperative(
      "Coopérative Nahla",
      arabicName: "تعاونية النَّحْلة",
      province: "Sefrou",
      city: "Sefrou",
      keyLabel: "fixture \(SoukCommonV1.PrincipalKind.cooperative)"
    )
    let (partner, partnerKey) = try await market.makePartner(
      "Boutique Atlas", email: nil, keyLabel: "fixture \(SoukCommonV1.PrincipalKind.partner)")
    let product = try await market.makeProduct(
      by: cooperativeKey,
      sku: "MIEL-500",
      title: "Miel de thym",
      stock: 100,
      idempotencyKey: UUID().uuidString
    )

    var orders: [SoukOrdersV1.Order] = []
    for index in 0..<orderCount {
      let request = TestMarket.orderRequest(
        key: UUID().uuidString,
        reference: "CMD-\(index + 1)",
        productID: product.id,
        quantity: Int64(index + 1),
        customerName: index == 0 ? "نادية الفاسي" : "Youssef Amrani"
      )
      orders.append(try await market.orders.placeOrder(request, metadata: partnerKey.metadata))
    }
    if let first = orders.first?.fulfilments.first {
      var accept = SoukOrdersV1.AcceptFulfilmentRequest()
      accept.idempotencyKey = UUID().uuidString
      accept.fulfilmentId = first.id
      _ = try await market.orders.acceptFulfilment(accept, metadata: cooperativeKey.metadata)
    }
    return AdminFixtures(
      cooperative: cooperative, partner: partner, partnerKey: partnerKey.secret, product: product, orders: orders)
  }
}
