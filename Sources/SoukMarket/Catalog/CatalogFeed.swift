import SoukAPI
import SoukRPC
import SoukStore

/// The catalog as one watcher may see it, for ``FeedStream``: store records by revision turned into the changes
/// the caller may see.
struct CatalogFeed: FeedSource {
  /// Where the catalog is kept.
  let store: any MarketStore
  /// The watcher.
  let call: MarketCall
  /// The cooperatives watched; empty for all.
  let cooperativeIDs: [String]

  func newestPosition() async throws -> UInt64 {
    try await mapStoreErrors { try await self.store.currentCatalogRevision() }
  }

  func records(after position: UInt64, limit: Int) async throws -> [CatalogRecord] {
    let ids = self.cooperativeIDs
    return try await mapStoreErrors {
      try await self.store.catalogChanges(after: position, cooperativeIDs: ids, limit: limit)
    }
  }

  func position(of record: CatalogRecord) -> UInt64 {
    record.revision
  }

  /// The change `record` is for this watcher: a product created after `roundStart` (what the client already
  /// holds) is new to it; nil for a removal inside a replay from 0 (a snapshot has nothing to remove).
  func event(for record: CatalogRecord, replaying: Bool, roundStart: UInt64) -> SoukCatalogV1.CatalogChange? {
    var change = SoukCatalogV1.CatalogChange()
    change.revision = record.revision
    switch record {
    case .cooperative(let cooperative):
      change.kind = .cooperativeChanged
      change.changedAt = cooperative.updatedAt
      change.subject = .cooperative(cooperative)
    case .product(let product, let createdRevision, let stockOnly):
      change.changedAt = product.updatedAt
      if CatalogServiceHandler.canSee(product, call: self.call) {
        change.subject = .product(product)
        change.kind = Self.kind(createdRevision: createdRevision, stockOnly: stockOnly, known: roundStart)
      } else {
        if replaying && roundStart == 0 { return nil }
        var removal = SoukCatalogV1.ProductRemoval()
        removal.productId = product.id
        removal.cooperativeId = product.cooperativeId
        removal.sku = product.sku
        change.kind = .productRemoved
        change.subject = .removal(removal)
      }
    }
    return change
  }

  func caughtUp(at position: UInt64) -> SoukCatalogV1.CatalogChange {
    var caughtUp = SoukCatalogV1.CatalogChange()
    caughtUp.kind = .caughtUp
    caughtUp.revision = position
    caughtUp.changedAt = .now()
    return caughtUp
  }

  func cursorAhead(_ requested: UInt64, newest: UInt64) -> MarketError {
    MarketError(
      .failedPrecondition,
      .feedCursorAhead,
      "revision \(requested) is newer than the catalog's newest (\(newest)); resynchronise from 0",
      metadata: ["current_revision": String(newest)]
    )
  }

  /// The kind of a visible product's change: CREATED when it was created after what the client holds, else
  /// STOCK_CHANGED when only its stock changed, else UPDATED.
  private static func kind(createdRevision: UInt64, stockOnly: Bool, known: UInt64) -> SoukCatalogV1.CatalogChangeKind {
    if createdRevision > known { return .productCreated }
    return stockOnly ? .productStockChanged : .productUpdated
  }
}
