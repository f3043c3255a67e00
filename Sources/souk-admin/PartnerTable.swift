import SoukAPI
import SoukMarket
import SoukTools

/// Partners as a table: one row each.
struct PartnerTable {
  private(set) var table = TextTable(columns: [
    .init("PARTNER"), .init("NAME", maximumWidth: 40), .init("WEBSITE", maximumWidth: 40), .init("CONTACT"),
    .init("STATUS"), .init("VERSION", alignment: .right), .init("CREATED"),
  ])

  /// Adds one partner's row.
  mutating func append(_ partner: SoukAdminV1.Partner) {
    let contact = partner.contact.map { [$0.personName, $0.phone?.e164 ?? "", $0.email].nonEmptyJoined() } ?? ""
    self.table.append([
      partner.id, partner.name, partner.websiteUrl, contact, EnumName.kebab(partner.status), String(partner.version),
      MoroccoTime.format(partner.createdAt),
    ])
  }

  /// Prints partners as a table, or each as one line of JSON.
  static func show(_ partners: [SoukAdminV1.Partner], json: Bool) {
    if json {
      for partner in partners { print(JSONValue(partner).serialized()) }
      return
    }
    var table = PartnerTable()
    for partner in partners { table.append(partner) }
    print(table.table.render(), terminator: "")
  }
}
