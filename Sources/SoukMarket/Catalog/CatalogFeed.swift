import SoukAPI
import SoukRPC
import SoukStore

/// One watcher's position in the catalog feed and its view of it: turns store records into the changes the
/// caller may see, never sending a revision at or below one already passed.
struct CatalogFeed {
  /// The watcher.
  let call: MarketCall
  /// The cooperatives watched; empty for all.
  let cooperativeIDs: [String]
  /// The revision the client asked to resume after.
  let resumedAfter: UInt64
  /// The greatest revision read so far (sent, or skipped as not visible).
  var cursor: UInt64

  /// A feed resuming after `revision`.
  init(call: MarketCall, cooperativeIDs: [String], after revision: UInt64) {
    self.call = call
    self.cooperativeIDs = cooperativeIDs
    self.resumedAfter = revision
    self.cursor = revision
  }

  /// Sends every change after the cursor, in batches, until the store has none left.
  mutating func deliverPending(
    from store: any MarketStore,
    to writer: RPCWriter<SoukCatalogV1.CatalogChange>,
    replay: Bool
  ) async throws {
    // A product created after what the client already holds is new to it.
    let known = replay ? self.resumedAfter : self.cursor
    while true {
      let after = self.cursor
      let ids = self.cooperativeIDs
      let limit = CatalogServiceHandler.watchBatchSize
      let records = try await mapStoreErrors {
        try await store.catalogChanges(after: after, cooperativeIDs: ids, limit: limit)
      }
      for record in records where record.revision > self.cursor {
        self.cursor = record.revision
        if let change = self.change(for: record, known: known, replay: replay) {
          try await writer.write(change)
        }
      }
      if records.count < limit { return }
    }
  }

  /// The change `record` is for this watcher; nil for a removal inside a replay from 0 (a snapshot has nothing
  /// to remove).
  func change(for record: CatalogRecord, known: UInt64, replay: Bool) -> SoukCatalogV1.CatalogChange? {
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
        change.kind = Self.kind(createdRevision: createdRevision, stockOnly: stockOnly, known: known)
      } else {
        if replay && self.resumedAfter == 0 { return nil }
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

  /// The kind of a visible product's change: CREATED when it was created after what the client holds, else
  /// STOCK_CHANGED when only its stock changed, else UPDATED.
  private static func kind(createdRevision: UInt64, stockOnly: Bool, known: UInt64) -> SoukCatalogV1.CatalogChangeKind {
    if createdRevision > known { return .productCreated }
    return stockOnly ? .productStockChanged : .productUpdated
  }
}
