import SoukAPI
import SoukMarket
import SoukTools

/// `orders show` for people: the order's facts, then its lines, fulfilments, payments, totals and history, each
/// as a table.
struct OrderDetailsText {
  let details: SoukAdminV1.OrderDetails

  /// The whole text, ending with a new line.
  func render() -> String {
    guard let order = self.details.order else { return "The server returned no order.\n" }
    var sections = [self.summary(order)]
    sections.append(self.section("Lines", self.lines(order)))
    sections.append(self.section("Fulfilments", self.fulfilments(order)))
    sections.append(
      order.payments.isEmpty ? "Payments\n  none recorded\n" : self.section("Payments", self.payments(order)))
    sections.append(self.section("Totals", self.totals(order)))
    sections.append(self.section("History (oldest first)", self.history()))
    return sections.joined(separator: "\n")
  }

  private func summary(_ order: SoukOrdersV1.Order) -> String {
    var facts = TextTable(columns: [.init(""), .init("")])
    facts.append(["Order", order.id])
    facts.append(["Status", EnumName.kebab(order.status)])
    facts.append(["Reference", order.partnerOrderReference])
    facts.append(["Placed", MoroccoTime.format(order.createdAt, seconds: true) + " (Africa/Casablanca)"])
    facts.append(["Updated", MoroccoTime.format(order.updatedAt, seconds: true)])
    let partner = self.details.partner
    facts.append(["Partner", partner.map { "\($0.name) (\($0.id), \(EnumName.kebab($0.status)))" } ?? order.partnerId])
    if let customer = order.customer {
      facts.append(["Customer", [customer.name, customer.phone?.e164 ?? "", customer.email].nonEmptyJoined()])
      if let address = customer.deliveryAddress {
        let region = address.region == .unspecified ? "" : EnumName.spaced(address.region)
        facts.append([
          "Deliver to",
          [address.line1, address.line2, address.postalCode, address.city, address.province, region]
            .nonEmptyJoined(),
        ])
      }
      if !customer.deliveryInstructions.isEmpty { facts.append(["Instructions", customer.deliveryInstructions]) }
    }
    facts.append(["Payment", EnumName.spaced(order.paymentMethod)])
    if !order.note.isEmpty { facts.append(["Note", order.note]) }
    return facts.lines().dropFirst().map { $0 + "\n" }.joined()
  }

  private func lines(_ order: SoukOrdersV1.Order) -> TextTable {
    var table = TextTable(columns: [
      .init("#", alignment: .right), .init("SKU"), .init("PRODUCT", maximumWidth: 40), .init("COOPERATIVE"),
      .init("QTY", alignment: .right), .init("UNIT"), .init("UNIT PRICE", alignment: .right),
      .init("TOTAL", alignment: .right),
    ])
    for line in order.lines {
      table.append([
        String(line.lineIndex + 1), line.sku, Self.title(line.title), self.cooperativeName(line.cooperativeId),
        String(line.quantity), Self.unit(line.unit), MoneyText.format(line.unitPrice), MoneyText.format(line.lineTotal),
      ])
    }
    return table
  }

  private func fulfilments(_ order: SoukOrdersV1.Order) -> TextTable {
    var table = TextTable(columns: [
      .init("FULFILMENT"), .init("COOPERATIVE"), .init("STATUS"), .init("GOODS", alignment: .right),
      .init("CARRIER"), .init("TRACKING"), .init("UPDATED"), .init("REASON", maximumWidth: 40),
    ])
    for fulfilment in order.fulfilments {
      table.append([
        fulfilment.id, self.cooperativeName(fulfilment.cooperativeId), EnumName.kebab(fulfilment.status),
        MoneyText.format(fulfilment.goodsTotal), fulfilment.carrier, fulfilment.trackingReference,
        MoroccoTime.format(fulfilment.updatedAt), fulfilment.reason,
      ])
    }
    return table
  }

  private func payments(_ order: SoukOrdersV1.Order) -> TextTable {
    var table = TextTable(columns: [
      .init("PAYMENT"), .init("FOR"), .init("METHOD"), .init("AMOUNT", alignment: .right), .init("COLLECTED"),
      .init("BY"), .init("RECEIPT"),
    ])
    for payment in order.payments {
      table.append([
        payment.id, payment.fulfilmentId.isEmpty ? "whole order" : payment.fulfilmentId,
        EnumName.kebab(payment.method), MoneyText.format(payment.amount), MoroccoTime.format(payment.collectedAt),
        payment.collectedBy, payment.receiptReference,
      ])
    }
    return table
  }

  private func totals(_ order: SoukOrdersV1.Order) -> TextTable {
    var table = TextTable(columns: [
      .init("PLACED", alignment: .right), .init("PAYABLE", alignment: .right),
      .init("COLLECTED", alignment: .right), .init("OUTSTANDING", alignment: .right),
    ])
    let totals = order.totals
    table.append([
      MoneyText.format(totals?.placedTotal), MoneyText.format(totals?.payableTotal),
      MoneyText.format(totals?.collectedTotal), MoneyText.format(totals?.outstandingTotal),
    ])
    return table
  }

  private func history() -> TextTable {
    var table = TextTable(columns: [
      .init("#", alignment: .right), .init("WHEN"), .init("WHO"), .init("KEY"), .init("WHAT"),
      .init("REASON", maximumWidth: 40),
    ])
    for event in self.details.history {
      table.append([
        String(event.eventNumber), MoroccoTime.format(event.occurredAt, seconds: true), Self.principal(event.actor),
        event.apiKeyPrefix, self.change(event.change), event.reason,
      ])
    }
    return table
  }

  private func change(_ change: SoukOrdersV1.OrderEvent.Change?) -> String {
    switch change {
    case .orderStatusChanged(let status):
      status.fromStatus == .unspecified
        ? "order \(EnumName.kebab(status.toStatus))"
        : "order \(EnumName.kebab(status.fromStatus)) → \(EnumName.kebab(status.toStatus))"
    case .fulfilmentStatusChanged(let status):
      "fulfilment \(status.fulfilmentId) of \(self.cooperativeName(status.cooperativeId)): "
        + (status.fromStatus == .unspecified ? "" : "\(EnumName.kebab(status.fromStatus)) → ")
        + EnumName.kebab(status.toStatus)
    case .paymentRecorded(let payment):
      "payment \(MoneyText.format(payment.amount)) (\(EnumName.kebab(payment.method)))"
    case nil:
      "(unknown change)"
    }
  }

  private func section(_ title: String, _ table: TextTable) -> String {
    title + "\n" + table.lines().map { "  " + $0 + "\n" }.joined()
  }

  private func cooperativeName(_ id: String) -> String {
    guard let cooperative = self.details.cooperatives.first(where: { $0.id == id }) else { return id }
    return Self.title(cooperative.name)
  }

  /// A localized text as `French / عربية`, or whichever is written.
  static func title(_ text: SoukCommonV1.LocalizedText?) -> String {
    guard let text else { return "" }
    let written = [text.fr, text.ar].nonEmptyJoined(separator: " / ")
    return written.isEmpty ? text.en : written
  }

  private static func unit(_ unit: SoukCatalogV1.Unit?) -> String {
    guard let unit else { return "" }
    switch unit.kind {
    case .piece: return unit.amount > 1 ? "\(unit.amount) pieces" : "piece"
    case .mass: return unit.amount >= 1000 && unit.amount % 1000 == 0 ? "\(unit.amount / 1000) kg" : "\(unit.amount) g"
    case .volume:
      return unit.amount >= 1000 && unit.amount % 1000 == 0 ? "\(unit.amount / 1000) l" : "\(unit.amount) ml"
    default: return "\(unit.amount) \(EnumName.kebab(unit.kind))"
    }
  }

  private static func principal(_ principal: SoukCommonV1.Principal?) -> String {
    guard let principal else { return "system" }
    return principal.id.isEmpty ? EnumName.kebab(principal.kind) : "\(EnumName.kebab(principal.kind)) \(principal.id)"
  }
}
