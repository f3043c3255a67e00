import Foundation
import SoukAPI
import SoukStore

/// Records and write contexts for the conformance checks: valid enough for a store, which checks no business
/// rule, and distinct on every call.
enum Fixtures {
  /// A fixed instant the fixtures count from: 2026-01-01T00:00:00Z, in microseconds.
  static let baseMicros: Int64 = 1_767_225_600_000_000

  /// A new id with this kind prefix.
  static func id(_ prefix: String) -> String {
    "\(prefix)_\(UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: ""))"
  }

  /// The instant `micros` microseconds after the epoch.
  static func time(_ micros: Int64) -> SoukCommonV1.Timestamp {
    var timestamp = SoukCommonV1.Timestamp()
    timestamp.seconds = micros / 1_000_000
    timestamp.nanos = UInt32(micros % 1_000_000) * 1_000
    return timestamp
  }

  /// A principal.
  static func principal(_ kind: SoukCommonV1.PrincipalKind, _ id: String = "") -> SoukCommonV1.Principal {
    var principal = SoukCommonV1.Principal()
    principal.kind = kind
    principal.id = id
    return principal
  }

  /// A write context for `principal` (the admin by default), with an idempotency claim when `key` is given.
  static func context(
    _ principal: SoukCommonV1.Principal = principal(.admin),
    method: String = "souk.test.v1.Test/Write",
    key: String? = nil,
    fingerprint: [UInt8] = [1],
    micros: Int64 = baseMicros
  ) -> WriteContext {
    WriteContext(
      caller: Caller(principal: principal, apiKeyPrefix: "souk_test"),
      method: method,
      idempotency: key.map { IdempotencyClaim(key: $0, fingerprint: fingerprint) },
      requestID: id("req"),
      time: time(micros)
    )
  }

  /// Money in MAD centimes.
  static func mad(_ minor: Int64) -> SoukCommonV1.Money {
    var money = SoukCommonV1.Money()
    money.amountMinor = minor
    money.currencyCode = "MAD"
    return money
  }

  /// A text in French and Arabic.
  static func text(fr: String, ar: String = "") -> SoukCommonV1.LocalizedText {
    var text = SoukCommonV1.LocalizedText()
    text.fr = fr
    text.ar = ar
    return text
  }

  /// An active cooperative, not yet stored.
  static func cooperative(
    name: String = "Coopérative Tazekka",
    region: SoukCommonV1.Region = .fesMeknes,
    sector: SoukCommonV1.Sector = .localFood,
    city: String = "Taza",
    createdMicros: Int64 = baseMicros
  ) -> SoukCatalogV1.Cooperative {
    var cooperative = SoukCatalogV1.Cooperative()
    cooperative.id = id("coop")
    cooperative.name = text(fr: name)
    cooperative.region = region
    cooperative.sector = sector
    cooperative.city = city
    cooperative.status = .active
    cooperative.version = 1
    cooperative.createdAt = time(createdMicros)
    cooperative.updatedAt = time(createdMicros)
    return cooperative
  }

  /// An active product of `cooperativeID`, not yet stored.
  static func product(
    of cooperativeID: String,
    sku: String? = nil,
    title: String = "Huile d'olive",
    priceMinor: Int64 = 4_990,
    stock: Int64 = 10,
    status: SoukCatalogV1.ProductStatus = .active,
    createdMicros: Int64 = baseMicros
  ) -> SoukCatalogV1.Product {
    var product = SoukCatalogV1.Product()
    product.id = id("prd")
    product.cooperativeId = cooperativeID
    product.sku = sku ?? "SKU-\(UUID().uuidString.prefix(8))"
    product.title = text(fr: title)
    product.category = .edibleOils
    product.price = mad(priceMinor)
    product.stock = stock
    product.status = status
    product.createdAt = time(createdMicros)
    product.updatedAt = time(createdMicros)
    return product
  }

  /// An active partner, not yet stored.
  static func partner(name: String = "Dar Souk", createdMicros: Int64 = baseMicros) -> SoukAdminV1.Partner {
    var partner = SoukAdminV1.Partner()
    partner.id = id("ptn")
    partner.name = name
    partner.websiteUrl = "https://darsouk.example"
    partner.status = .active
    partner.version = 1
    partner.createdAt = time(createdMicros)
    partner.updatedAt = time(createdMicros)
    return partner
  }
}

extension Fixtures {
  /// Microseconds since the epoch of a timestamp (0 when unset).
  static func micros(_ timestamp: SoukCommonV1.Timestamp?) -> Int64 {
    guard let timestamp else { return 0 }
    return timestamp.seconds * 1_000_000 + Int64(timestamp.nanos / 1_000)
  }

  /// A cooperative, a partner and products with these stocks, stored.
  static func seed(
    _ store: any MarketStore,
    stocks: [Int64]
  ) async throws -> (cooperative: SoukCatalogV1.Cooperative, partner: SoukAdminV1.Partner, products: [String]) {
    let cooperative = try await store.insertCooperative(Fixtures.cooperative(), context: Fixtures.context())
    let partner = try await store.insertPartner(Fixtures.partner(), context: Fixtures.context())
    var products: [String] = []
    for stock in stocks {
      let product = Fixtures.product(of: cooperative.id, stock: stock)
      products.append(try await store.insertProduct(product, context: Fixtures.context()).id)
    }
    return (cooperative, partner, products)
  }
}
