import Foundation
package import SoukAPI

/// The rows each record is stored as, with every indexed column derived from the record itself.
package enum StoreRows {
  /// The `products` row.
  package static func product(
    _ product: SoukCatalogV1.Product,
    createdRevision: UInt64,
    stockOnly: Bool
  ) -> TableRow {
    TableRow(
      "products",
      [
        ("id", product.id),
        ("cooperative_id", product.cooperativeId), ("sku_key", ProductRules.skuKey(product.sku)),
        ("status", product.status.rawValue), ("category", product.category.rawValue),
        ("price_minor", product.price?.amountMinor ?? 0), ("stock", product.stock),
        ("created_at", product.createdAt.storeMicros), ("revision", Int64(bitPattern: product.revision)),
        ("created_revision", Int64(bitPattern: createdRevision)), ("stock_only", stockOnly),
        ("search", ProductRules.searchIndex(product)), ("body", RecordCodec.bytes(product)),
      ]
    )
  }

  /// The `cooperatives` row.
  package static func cooperative(_ cooperative: SoukCatalogV1.Cooperative) -> TableRow {
    let name = cooperative.name ?? SoukCommonV1.LocalizedText()
    let search = SearchText.index([name.ar, name.fr, name.en, cooperative.city, cooperative.province])
    return TableRow(
      "cooperatives",
      [
        ("id", cooperative.id),
        ("region", cooperative.region.rawValue), ("sector", cooperative.sector.rawValue),
        ("status", cooperative.status.rawValue), ("created_at", cooperative.createdAt.storeMicros),
        ("revision", Int64(bitPattern: cooperative.revision)), ("search", search),
        ("body", RecordCodec.bytes(cooperative)),
      ]
    )
  }

  /// The `partners` row.
  package static func partner(_ partner: SoukAdminV1.Partner) -> TableRow {
    TableRow(
      "partners",
      [
        ("id", partner.id),
        ("status", partner.status.rawValue), ("created_at", partner.createdAt.storeMicros),
        ("search", SearchText.index([partner.name])), ("website", partner.websiteUrl.lowercased()),
        ("body", RecordCodec.bytes(partner)),
      ]
    )
  }

  /// The `api_keys` row; after creation only `revoked`, `last_used_at` and `body` change.
  package static func apiKey(_ apiKey: SoukAdminV1.ApiKey, secretHash: [UInt8]) -> TableRow {
    let principal = apiKey.principal ?? SoukCommonV1.Principal()
    return TableRow(
      "api_keys",
      [
        ("id", apiKey.id),
        ("prefix", apiKey.prefix), ("kind", principal.kind.rawValue), ("principal_id", principal.id),
        ("secret_hash", SQLValue.bytes(secretHash)), ("created_at", apiKey.createdAt.storeMicros),
        ("revoked", apiKey.revoked), ("last_used_at", apiKey.lastUsedAt?.storeMicros),
        ("body", RecordCodec.bytes(apiKey)),
      ]
    )
  }

  /// The columns of ``apiKey(_:secretHash:)`` that change after creation.
  package static let apiKeyMutableColumns = ["revoked", "last_used_at", "body"]

  /// The `orders` row.
  package static func order(_ order: SoukOrdersV1.Order) -> TableRow {
    let customer = order.customer ?? SoukOrdersV1.Customer()
    let orderCollected = order.payments.filter { $0.fulfilmentId.isEmpty }
      .reduce(Int64(0)) { $0 + ($1.amount?.amountMinor ?? 0) }
    let phoneDigits = String((customer.phone?.e164 ?? "").filter(\.isASCIIDigit))
    return TableRow(
      "orders",
      [
        ("id", order.id),
        ("partner_id", order.partnerId), ("reference", order.partnerOrderReference),
        ("status", order.status.rawValue), ("payment_method", order.paymentMethod.rawValue),
        ("delivery_region", (customer.deliveryAddress?.region ?? .unspecified).rawValue),
        ("created_at", order.createdAt.storeMicros),
        ("outstanding_minor", order.totals?.outstandingTotal?.amountMinor ?? 0),
        ("order_collected_minor", orderCollected),
        ("search", SearchText.index([customer.name, order.id, order.partnerOrderReference])),
        ("phone_digits", phoneDigits), ("body", RecordCodec.bytes(order)),
      ]
    )
  }

  /// The `order_fulfilments` rows of an order: status, goods total and what was collected against each.
  package static func fulfilments(of order: SoukOrdersV1.Order) -> [TableRow] {
    order.fulfilments.map { fulfilment in
      let collected = order.payments.filter { $0.fulfilmentId == fulfilment.id }
        .reduce(Int64(0)) { $0 + ($1.amount?.amountMinor ?? 0) }
      return TableRow(
        "order_fulfilments",
        [
          ("fulfilment_id", fulfilment.id),
          ("order_id", order.id), ("cooperative_id", fulfilment.cooperativeId),
          ("status", fulfilment.status.rawValue), ("goods_total_minor", fulfilment.goodsTotal?.amountMinor ?? 0),
          ("collected_minor", collected),
        ]
      )
    }
  }

  /// The `order_events` row of a numbered history entry.
  package static func orderEvent(_ event: SoukOrdersV1.OrderEvent, orderID: String) -> TableRow {
    TableRow(
      "order_events",
      [("order_id", orderID), ("event_number", event.eventNumber), ("body", RecordCodec.bytes(event))]
    )
  }

  /// The `audit_log` row of a mutation of `target` (`kind:id`) made in `context` (its id is the store's).
  package static func audit(_ context: WriteContext, target: String) -> TableRow {
    let principal = context.caller.principal
    return TableRow(
      "audit_log",
      [
        ("time", context.time.storeMicros),
        ("principal_kind", principal.kind.rawValue), ("principal_id", principal.id),
        ("api_key_prefix", context.caller.apiKeyPrefix), ("method", context.method),
        ("request_id", context.requestID), ("idempotency_key", context.idempotency?.key ?? ""), ("target", target),
      ]
    )
  }

  /// The `idempotency` row recording that `claim`'s key, used in `context`, produced `resourceID`.
  package static func idempotency(_ context: WriteContext, _ claim: IdempotencyClaim, resourceID: String) -> TableRow {
    let principal = context.caller.principal
    return TableRow(
      "idempotency",
      [
        ("principal_kind", principal.kind.rawValue),
        ("principal_id", principal.id), ("method", context.method), ("key", claim.key),
        ("fingerprint", SQLValue.bytes(claim.fingerprint)), ("resource_id", resourceID),
      ]
    )
  }

  /// The statement that finds the claim's earlier use: columns `fingerprint` and `resource_id`.
  package static func idempotencyLookup(_ context: WriteContext, _ claim: IdempotencyClaim) -> SQLStatement {
    let principal = context.caller.principal
    return SQLStatement(
      """
      SELECT fingerprint, resource_id FROM idempotency
      WHERE principal_kind = ? AND principal_id = ? AND method = ? AND key = ?
      """,
      [principal.kind.rawValue, principal.id, context.method, claim.key]
    )
  }
}

extension SQLValue: SQLValueConvertible {
  package var sqlValue: SQLValue { self }
}
