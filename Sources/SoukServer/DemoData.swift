import SoukAPI
import SoukMarket
import SoukStore

/// The demonstration data `souk serve --demo` puts into an empty store: five cooperatives of the Fès-Meknès region
/// (Taza, Fès, Meknès, Ifrane, Sefrou) with products titled in Arabic and French, a demo partner shop, and a key
/// for each of them.
enum DemoData {
  /// Seeds `store` if it has no cooperative yet and returns the new keys as (label, secret); returns nothing
  /// when the store already holds data, so that restarting with `--demo` changes nothing.
  static func seed(into store: any MarketStore) async throws -> [(label: String, secret: String)] {
    guard try await store.listCooperatives(CooperativeQuery(), after: nil, limit: 1).isEmpty else { return [] }
    let call = MarketCall(system: "souk.server/DemoData")
    var keys: [(label: String, secret: String)] = []
    for sample in Self.cooperatives {
      var cooperative = SoukCatalogV1.Cooperative()
      cooperative.id = Identifiers.make(.cooperative)
      cooperative.name = Self.text(ar: sample.nameAr, fr: sample.nameFr)
      cooperative.region = .fesMeknes
      cooperative.province = sample.province
      cooperative.city = sample.city
      cooperative.sector = sample.sector
      cooperative.contact = Self.contact(name: sample.contactName, phone: sample.phone)
      cooperative.status = .active
      cooperative.version = 1
      cooperative.createdAt = call.time
      cooperative.updatedAt = call.time
      let saved = try await store.insertCooperative(cooperative, context: call.write())
      for (index, item) in sample.products.enumerated() {
        var product = SoukCatalogV1.Product()
        product.id = Identifiers.make(.product)
        product.cooperativeId = saved.id
        product.sku = item.sku
        product.title = Self.text(ar: item.titleAr, fr: item.titleFr)
        product.category = item.category
        product.tags = item.tags
        product.price = .mad(item.priceCentimes)
        var unit = SoukCatalogV1.Unit()
        unit.kind = item.unitKind
        unit.amount = item.unitAmount
        product.unit = unit
        product.stock = item.stock
        product.status = .active
        // Distinct creation times keep the listing order the order of this table.
        var created = call.time
        created.nanos += UInt32(index) * 1000
        product.createdAt = created
        product.updatedAt = created
        _ = try await store.insertProduct(product, context: call.write())
      }
      let secret = try await Self.issueKey(.cooperative, id: saved.id, label: "demo: \(sample.nameFr)", store, call)
      keys.append(("cooperative \(sample.nameFr) (\(sample.city))", secret))
    }
    var partner = SoukAdminV1.Partner()
    partner.id = Identifiers.make(.partner)
    partner.name = "Boutique Saïss (demo)"
    partner.websiteUrl = "https://saiss.example"
    partner.contact = Self.contact(name: "Samira Bennani", phone: "+212600000006")
    partner.status = .active
    partner.version = 1
    partner.createdAt = call.time
    partner.updatedAt = call.time
    let savedPartner = try await store.insertPartner(partner, context: call.write())
    let secret = try await Self.issueKey(.partner, id: savedPartner.id, label: "demo partner", store, call)
    keys.append(("partner \(partner.name)", secret))
    return keys
  }

  private static func issueKey(
    _ kind: SoukCommonV1.PrincipalKind,
    id: String,
    label: String,
    _ store: any MarketStore,
    _ call: MarketCall
  ) async throws -> String {
    var principal = SoukCommonV1.Principal()
    principal.kind = kind
    principal.id = id
    let response = try await ApiKeys.issue(
      store: store, principal: principal, label: label, expiresAt: nil, context: call.write())
    return response.secret
  }

  private static func text(ar: String, fr: String) -> SoukCommonV1.LocalizedText {
    var text = SoukCommonV1.LocalizedText()
    text.ar = ar
    text.fr = fr
    return text
  }

  private static func contact(name: String, phone: String) -> SoukCommonV1.Contact {
    var contact = SoukCommonV1.Contact()
    contact.personName = name
    var number = SoukCommonV1.PhoneNumber()
    number.e164 = phone
    contact.phone = number
    return contact
  }

  private struct SampleProduct {
    var sku: String
    var titleAr: String
    var titleFr: String
    var category: SoukCatalogV1.ProductCategory
    var tags: [String]
    var priceCentimes: Int64
    var unitKind: SoukCatalogV1.UnitKind
    var unitAmount: UInt64
    var stock: Int64
  }

  private struct SampleCooperative {
    var nameAr: String
    var nameFr: String
    var province: String
    var city: String
    var sector: SoukCommonV1.Sector
    var contactName: String
    var phone: String
    var products: [SampleProduct]
  }

  private static let cooperatives: [SampleCooperative] = [
    SampleCooperative(
      nameAr: "تعاونية تازكا للعسل", nameFr: "Coopérative Tazekka du miel", province: "Taza", city: "Taza",
      sector: .localFood, contactName: "Mohamed Alaoui", phone: "+212600000001",
      products: [
        SampleProduct(
          sku: "MIEL-THYM-500", titleAr: "عسل الزعتر", titleFr: "Miel de thym", category: .honey,
          tags: ["bio", "عسل"], priceCentimes: 18_000, unitKind: .mass, unitAmount: 500, stock: 40),
        SampleProduct(
          sku: "MIEL-EUPH-250", titleAr: "عسل الدغموس", titleFr: "Miel d'euphorbe", category: .honey,
          tags: ["rare"], priceCentimes: 22_000, unitKind: .mass, unitAmount: 250, stock: 15),
      ]),
    SampleCooperative(
      nameAr: "تعاونية دار الفخار", nameFr: "Coopérative Dar Al Fakhar", province: "Fès", city: "Fès",
      sector: .handicraft, contactName: "Fatima Zahra Idrissi", phone: "+212600000002",
      products: [
        SampleProduct(
          sku: "TAJINE-BLEU-30", titleAr: "طاجين فاسي مزخرف", titleFr: "Tajine décoré bleu de Fès",
          category: .potteryAndCeramics, tags: ["fait main"], priceCentimes: 35_000, unitKind: .piece, unitAmount: 1,
          stock: 12),
        SampleProduct(
          sku: "BOL-ZELLIGE", titleAr: "زلافة بالزليج", titleFr: "Bol motif zellige",
          category: .potteryAndCeramics, tags: [], priceCentimes: 9_000, unitKind: .piece, unitAmount: 1, stock: 30),
      ]),
    SampleCooperative(
      nameAr: "تعاونية الزيتونة مكناس", nameFr: "Coopérative Zitouna Meknès", province: "Meknès", city: "Meknès",
      sector: .localFood, contactName: "Youssef Berrada", phone: "+212600000003",
      products: [
        SampleProduct(
          sku: "HUILE-OLIVE-1L", titleAr: "زيت الزيتون البكر الممتاز", titleFr: "Huile d'olive vierge extra",
          category: .edibleOils, tags: ["première pression"], priceCentimes: 9_500, unitKind: .volume,
          unitAmount: 1000, stock: 50),
        SampleProduct(
          sku: "OLIVES-NOIRES-500", titleAr: "زيتون أسود", titleFr: "Olives noires de Meknès",
          category: .preservesAndSpreads, tags: [], priceCentimes: 3_500, unitKind: .mass, unitAmount: 500, stock: 80),
      ]),
    SampleCooperative(
      nameAr: "تعاونية أرز إفران", nameFr: "Coopérative Cèdre d'Ifrane", province: "Ifrane", city: "Ifrane",
      sector: .handicraft, contactName: "Hassan Amrani", phone: "+212600000004",
      products: [
        SampleProduct(
          sku: "BOITE-CEDRE", titleAr: "علبة من خشب الأرز", titleFr: "Boîte en bois de cèdre", category: .woodwork,
          tags: ["cèdre"], priceCentimes: 15_000, unitKind: .piece, unitAmount: 1, stock: 20)
      ]),
    SampleCooperative(
      nameAr: "تعاونية حب الملوك صفرو", nameFr: "Coopérative Habb El Mlouk Sefrou", province: "Sefrou", city: "Sefrou",
      sector: .localFood, contactName: "Khadija Tazi", phone: "+212600000005",
      products: [
        SampleProduct(
          sku: "CONFITURE-CERISE-350", titleAr: "مربى حب الملوك", titleFr: "Confiture de cerises de Sefrou",
          category: .preservesAndSpreads, tags: ["cerise"], priceCentimes: 4_500, unitKind: .mass, unitAmount: 350,
          stock: 60)
      ]),
  ]
}
