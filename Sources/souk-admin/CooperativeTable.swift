import SoukAPI
import SoukTools

/// Cooperatives as a table: one row each, names in French and Arabic.
struct CooperativeTable {
  private(set) var table = TextTable(columns: [
    .init("COOPERATIVE"), .init("NAME", maximumWidth: 48), .init("REGION"), .init("CITY", maximumWidth: 20),
    .init("SECTOR"), .init("STATUS"), .init("VERSION", alignment: .right),
  ])

  /// Adds one cooperative's row.
  mutating func append(_ cooperative: SoukCatalogV1.Cooperative) {
    self.table.append([
      cooperative.id, OrderDetailsText.title(cooperative.name), EnumName.kebab(cooperative.region), cooperative.city,
      EnumName.kebab(cooperative.sector), EnumName.kebab(cooperative.status), String(cooperative.version),
    ])
  }
}
