import Foundation
import SoukAPI
import SoukAPIServices
import SoukClient

/// A partner e-shop in a hundred lines: mirror the catalog, show it, place an order.
///
/// ```
/// swift run souk-example --address 127.0.0.1:7443 --key souk_partner_... --ca souk-data/tls/ca.pem
/// ```
@main
struct SoukExample {
  static func main() async {
    do {
      let settings = try ExampleSettings(
        arguments: CommandLine.arguments, environment: ProcessInfo.processInfo.environment)
      try await run(settings)
    } catch {
      FileHandle.standardError.write(Data("souk-example: \(error)\n".utf8))
      exit(1)
    }
  }

  static func run(_ settings: ExampleSettings) async throws {
    let souk = try SoukClient(
      address: settings.address,
      key: settings.key,
      trust: settings.caPath.map { SoukClient.Trust.certificateAuthority(path: $0) } ?? .systemRoots
    )
    defer { souk.close() }

    // 1. Mirror the catalog: replay everything from revision 0 until the server says we are caught up. A real
    //    shop stores `mirror.revision` and keeps following from it.
    var mirror = CatalogMirror()
    for try await change in souk.catalogChanges(after: 0) {
      mirror.apply(change)
      if change.kind == .caughtUp { break }
    }
    print("Catalog mirrored up to revision \(mirror.revision): \(mirror.products.count) products\n")

    // 2. Show it: Arabic and French titles, prices in MAD.
    for product in mirror.sortedProducts {
      let cooperative = mirror.cooperatives[product.cooperativeId]?.name?.fr ?? product.cooperativeId
      print("\(product.sku)  \(formatMAD(product.price?.amountMinor ?? 0))  stock \(product.stock)  [\(cooperative)]")
      print("    fr: \(product.title?.fr ?? "")")
      print("    ar: \(product.title?.ar ?? "")")
    }

    // 3. Order one unit of the first product that can be ordered and is in stock. The idempotency key is left
    //    empty: the client fills it, and a retry after a lost connection sends the same key.
    guard let product = mirror.sortedProducts.first(where: { $0.orderable && $0.stock > 0 }) else {
      print("\nNo product can be ordered right now.")
      return
    }
    var request = SoukOrdersV1.PlaceOrderRequest()
    request.partnerOrderReference = "EXAMPLE-\(Int(Date().timeIntervalSince1970))"
    var customer = SoukOrdersV1.Customer()
    customer.name = "Nadia El Fassi"
    customer.phone = SoukCommonV1.PhoneNumber()
    customer.phone?.e164 = "+212612345678"
    customer.deliveryAddress = SoukCommonV1.PostalAddress()
    customer.deliveryAddress?.line1 = "12 Rue Talaa Kebira"
    customer.deliveryAddress?.city = "Fès"
    request.customer = customer
    request.paymentMethod = .cashOnDelivery
    var line = SoukOrdersV1.PlaceOrderLine()
    line.productId = product.id
    line.quantity = 1
    line.expectedUnitPrice = product.price
    request.lines = [line]

    do {
      let order = try await SoukError.catching { try await souk.orders.placeOrder(request) }
      print("\nOrder \(order.id) (\(order.partnerOrderReference)): \(order.status)")
      for orderLine in order.lines {
        print(
          "  \(orderLine.quantity) x \(orderLine.title?.fr ?? orderLine.sku)  \(formatMAD(orderLine.lineTotal?.amountMinor ?? 0))"
        )
      }
      print(
        "  total \(formatMAD(order.totals?.placedTotal?.amountMinor ?? 0)), \(order.fulfilments.count) fulfilment(s)")
    } catch let error as SoukError {
      switch error.kind {
      case .outOfStock(let productID, let available):
        print("\nOut of stock: \(productID) has \(available.map(String.init) ?? "too few") left.")
      case .priceChanged(let productID, let price):
        print("\nThe price of \(productID) is now \(formatMAD(price?.amountMinor ?? 0)); show it to the shopper again.")
      default:
        throw error
      }
    }
  }

  /// `4500` centimes as `45.00 MAD`.
  static func formatMAD(_ centimes: Int64) -> String {
    let sign = centimes < 0 ? "-" : ""
    let magnitude = centimes.magnitude
    let cents = magnitude % 100
    return "\(sign)\(magnitude / 100).\(cents < 10 ? "0" : "")\(cents) MAD"
  }
}
