public import SoukAPI

extension JSONValue {
  /// A cooperative; field names as in the schema.
  public init(_ cooperative: SoukCatalogV1.Cooperative) {
    self = .members([
      ("id", .string(cooperative.id)),
      ("name", cooperative.name.map(JSONValue.init)),
      ("description", cooperative.description.map(JSONValue.init)),
      ("region", .name(cooperative.region)),
      ("province", .text(cooperative.province)),
      ("city", .text(cooperative.city)),
      ("sector", .name(cooperative.sector)),
      ("contact", cooperative.contact.map(JSONValue.init)),
      ("status", .name(cooperative.status)),
      ("registration_number", .text(cooperative.registrationNumber)),
      ("version", .unsigned(cooperative.version)),
      ("created_at", cooperative.createdAt.map(JSONValue.init)),
      ("updated_at", cooperative.updatedAt.map(JSONValue.init)),
    ])
  }

  /// A partner.
  public init(_ partner: SoukAdminV1.Partner) {
    self = .members([
      ("id", .string(partner.id)),
      ("name", .string(partner.name)),
      ("website_url", .text(partner.websiteUrl)),
      ("contact", partner.contact.map(JSONValue.init)),
      ("status", .name(partner.status)),
      ("version", .unsigned(partner.version)),
      ("created_at", partner.createdAt.map(JSONValue.init)),
      ("updated_at", partner.updatedAt.map(JSONValue.init)),
    ])
  }

  /// An API key (never its secret).
  public init(_ key: SoukAdminV1.ApiKey) {
    self = .members([
      ("id", .string(key.id)),
      ("prefix", .string(key.prefix)),
      ("label", .string(key.label)),
      ("principal", key.principal.map(JSONValue.init)),
      ("created_at", key.createdAt.map(JSONValue.init)),
      ("expires_at", key.expiresAt.map(JSONValue.init)),
      ("last_used_at", key.lastUsedAt.map(JSONValue.init)),
      ("revoked", .bool(key.revoked)),
      ("revoked_at", key.revokedAt.map(JSONValue.init)),
    ])
  }

  /// The totals of one group of fulfilments.
  public init(_ group: SoukAdminV1.TotalsGroup) {
    self = .members([
      ("cooperative_id", .text(group.cooperativeId)),
      ("day", group.day.map(JSONValue.init)),
      ("status", group.status == .unspecified ? nil : .name(group.status)),
      ("order_count", .unsigned(group.orderCount)),
      ("fulfilment_count", .unsigned(group.fulfilmentCount)),
      ("goods_total", group.goodsTotal.map(JSONValue.init)),
      ("delivered_total", group.deliveredTotal.map(JSONValue.init)),
      ("collected_total", group.collectedTotal.map(JSONValue.init)),
    ])
  }
}
