import SoukAPI
import SoukMarket
import SoukTools

/// API keys as a table: one row each, never a secret.
struct KeyTable {
  private(set) var table = TextTable(columns: [
    .init("KEY"), .init("PREFIX"), .init("LABEL", maximumWidth: 40), .init("FOR"), .init("CREATED"),
    .init("LAST USED"), .init("EXPIRES"), .init("STATE"),
  ])

  /// Adds one key's row.
  mutating func append(_ key: SoukAdminV1.ApiKey) {
    let owner = key.principal.map { principal in
      principal.id.isEmpty ? EnumName.kebab(principal.kind) : "\(EnumName.kebab(principal.kind)) \(principal.id)"
    }
    self.table.append([
      key.id, key.prefix, key.label, owner ?? "", MoroccoTime.format(key.createdAt),
      MoroccoTime.format(key.lastUsedAt), MoroccoTime.format(key.expiresAt),
      key.revoked ? "revoked \(MoroccoTime.format(key.revokedAt))" : "active",
    ])
  }

  /// Prints keys as a table, or each as one line of JSON.
  static func show(_ keys: [SoukAdminV1.ApiKey], json: Bool) {
    if json {
      for key in keys { print(JSONValue(key).serialized()) }
      return
    }
    var table = KeyTable()
    for key in keys { table.append(key) }
    print(table.table.render(), terminator: "")
  }
}
