import SoukAPI

/// The values the benchmark encodes: a typical catalog product and an order of 50 lines from three
/// cooperatives of the Fès-Meknès region, with Arabic, French and English text.
enum Samples {
  static func money(_ centimes: Int64) -> SoukCommonV1.Money {
    var money = SoukCommonV1.Money()
    money.amountMinor = centimes
    money.currencyCode = "MAD"
    return money
  }

  static func timestamp(_ seconds: Int64) -> SoukCommonV1.Timestamp {
    var timestamp = SoukCommonV1.Timestamp()
    timestamp.seconds = seconds
    timestamp.nanos = 250_000_000
    return timestamp
  }

  static func text(ar: String, fr: String, en: String) -> SoukCommonV1.LocalizedText {
    var text = SoukCommonV1.LocalizedText()
    text.ar = ar
    text.fr = fr
    text.en = en
    return text
  }

  static func unit(grams: UInt64) -> SoukCatalogV1.Unit {
    var unit = SoukCatalogV1.Unit()
    unit.kind = .mass
    unit.amount = grams
    return unit
  }

  static let product: SoukCatalogV1.Product = {
    var product = SoukCatalogV1.Product()
    product.id = "prd_01J9Z3K7Q8M2"
    product.cooperativeId = "coop_taza_0042"
    product.sku = "ARG-250"
    product.title = text(ar: "زيت الأركان الغذائي", fr: "Huile d'argan alimentaire", en: "Culinary argan oil")
    product.description = text(ar: "معصور على البارد بتازة", fr: "Pressée à froid à Taza.", en: "")
    product.category = .edibleOils
    product.tags = ["bio", "أركان"]
    product.price = money(12_550)
    product.unit = unit(grams: 250)
    product.stock = 48
    product.photoUrls = ["https://img.souk.example/p/arg-250-1.jpg"]
    product.status = .active
    product.orderable = true
    product.version = 7
    product.revision = 18_204
    product.createdAt = timestamp(1_764_000_000)
    product.updatedAt = timestamp(1_764_350_000)
    return product
  }()

  static let order: SoukOrdersV1.Order = {
    var order = SoukOrdersV1.Order()
    order.id = "ord_01J9Z4A1B2C3"
    order.partnerId = "partner_atlas_shop"
    order.partnerOrderReference = "ATL-2026-118734"
    order.status = .accepted
    var customer = SoukOrdersV1.Customer()
    customer.name = "فاطمة الزهراء بنعلي"
    var phone = SoukCommonV1.PhoneNumber()
    phone.e164 = "+212612345678"
    customer.phone = phone
    var address = SoukCommonV1.PostalAddress()
    address.line1 = "12, Rue Ibn Khaldoun"
    address.city = "Fès"
    address.province = "Fès"
    address.region = .fesMeknes
    address.postalCode = "30000"
    address.countryCode = "MA"
    customer.deliveryAddress = address
    order.customer = customer
    order.paymentMethod = .cashOnDelivery
    let cooperatives = ["coop_taza_0042", "coop_sefrou_0007", "coop_ifrane_0013"]
    var goodsTotals = [Int64](repeating: 0, count: cooperatives.count)
    for index in 0..<50 {
      var line = SoukOrdersV1.OrderLine()
      line.lineIndex = UInt32(index)
      line.productId = "prd_01J9Z3K7Q8\(index)"
      line.cooperativeId = cooperatives[index % cooperatives.count]
      line.fulfilmentId = "ful_\(index % cooperatives.count)"
      line.sku = "SKU-\(1000 + index)"
      line.title = text(ar: "عسل الزعتر", fr: "Miel de thym", en: "Thyme honey")
      line.unit = unit(grams: 500)
      line.quantity = Int64(1 + index % 4)
      line.unitPrice = money(9_000 + Int64(index) * 25)
      line.lineTotal = money(line.quantity * (9_000 + Int64(index) * 25))
      goodsTotals[index % cooperatives.count] += line.quantity * (9_000 + Int64(index) * 25)
      order.lines.append(line)
    }
    for (index, cooperative) in cooperatives.enumerated() {
      var fulfilment = SoukOrdersV1.Fulfilment()
      fulfilment.id = "ful_\(index)"
      fulfilment.orderId = order.id
      fulfilment.cooperativeId = cooperative
      fulfilment.status = .accepted
      fulfilment.goodsTotal = money(goodsTotals[index])
      fulfilment.createdAt = timestamp(1_764_350_000)
      fulfilment.acceptedAt = timestamp(1_764_360_000)
      fulfilment.updatedAt = timestamp(1_764_360_000)
      order.fulfilments.append(fulfilment)
    }
    var totals = SoukOrdersV1.OrderTotals()
    totals.placedTotal = money(goodsTotals.reduce(0, +))
    totals.payableTotal = money(goodsTotals.reduce(0, +))
    totals.outstandingTotal = money(goodsTotals.reduce(0, +))
    order.totals = totals
    order.createdAt = timestamp(1_764_350_000)
    order.updatedAt = timestamp(1_764_360_000)
    return order
  }()
}
