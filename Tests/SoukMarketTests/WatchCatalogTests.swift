import SoukAPI
import SoukAPIServices
import SoukMarket
import SoukRPC
import SoukStore
import SoukStoreSQLite
import SoukTestSupport
import Testing

/// The catalog feed: replay, CAUGHT_UP, live changes, resuming, and the caller's view.
@Suite("Watch catalog")
struct WatchCatalogTests {
  /// The changes of a watch after `revision` up to and including CAUGHT_UP.
  private func replay(_ session: Session, after revision: UInt64) async throws -> [SoukCatalogV1.CatalogChange] {
    var request = SoukCatalogV1.WatchCatalogRequest()
    request.afterRevision = revision
    let watch = request
    return try await withTimeout(.seconds(30), "the replay") {
      try await session.catalog.watchCatalog(watch, metadata: session.metadata) { stream in
        var changes: [SoukCatalogV1.CatalogChange] = []
        for try await change in stream {
          changes.append(change)
          if change.kind == .caughtUp { return changes }
        }
        return changes
      }
    }
  }

  private func expectStrictlyIncreasing(_ changes: [SoukCatalogV1.CatalogChange]) {
    let revisions = changes.filter { $0.kind != .caughtUp }.map(\.revision)
    #expect(zip(revisions, revisions.dropFirst()).allSatisfy { $0 < $1 }, "revisions \(revisions)")
  }

  @Test("a replay from 0 is a snapshot of the caller's view, then CAUGHT_UP, then live changes as they commit")
  func replayThenLive() async throws {
    try await MarketHarness.with { market in
      let (cooperative, owner) = try await market.makeCooperative()
      let (_, partner) = try await market.makePartner()
      let active = try await owner.createProduct(Requests.product(sku: "W-1"))
      let draft = try await owner.createProduct(Requests.product(sku: "W-2", status: .draft))

      let changes = try await withTimeout(.seconds(30), "the watch") {
        try await partner.catalog.watchCatalog(SoukCatalogV1.WatchCatalogRequest(), metadata: partner.metadata) {
          stream in
          var changes: [SoukCatalogV1.CatalogChange] = []
          var iterator = stream.makeAsyncIterator()
          while let change = try await iterator.next() {
            changes.append(change)
            if change.kind == .caughtUp { break }
          }
          // Live: another call changes the stock and renames the draft while the stream is open.
          _ = try await owner.adjustStock(active.id, by: 2)
          if let live = try await iterator.next() { changes.append(live) }
          var rename = SoukCatalogV1.UpdateProductRequest()
          rename.idempotencyKey = Requests.key()
          rename.productId = draft.id
          rename.title = Requests.text("Brouillon")
          _ = try await owner.updateProduct(rename)
          if let live = try await iterator.next() { changes.append(live) }
          return changes
        }
      }
      let current = try await market.store.currentCatalogRevision()
      #expect(
        changes.map(\.kind) == [
          .cooperativeChanged, .productCreated, .caughtUp, .productStockChanged, .productRemoved,
        ]
      )
      guard changes.count == 5 else { return }
      if case .cooperative(let changed)? = changes[0].subject { #expect(changed.id == cooperative.id) }
      if case .product(let product)? = changes[1].subject { #expect(product.id == active.id) }
      #expect(changes[2].revision == changes[1].revision + 1)  // the draft's revision, passed silently
      if case .product(let product)? = changes[3].subject {
        #expect(product.id == active.id)
        #expect(product.stock == 12)
      }
      if case .removal(let removal)? = changes[4].subject { #expect(removal.productId == draft.id) }
      #expect(changes[4].revision == current)
      self.expectStrictlyIncreasing(changes)
    }
  }

  @Test("resuming from a revision replays only the latest change of what changed after it, never a revision twice")
  func resume() async throws {
    try await MarketHarness.with { market in
      let (_, owner) = try await market.makeCooperative()
      let (_, partner) = try await market.makePartner()
      let first = try await owner.createProduct(Requests.product(sku: "R-1"))
      let snapshot = try await self.replay(partner, after: 0)
      guard let resumePoint = snapshot.last?.revision else {
        Issue.record("no CAUGHT_UP")
        return
      }

      _ = try await owner.adjustStock(first.id, by: 1)
      let second = try await owner.createProduct(Requests.product(sku: "R-2"))
      _ = try await owner.adjustStock(first.id, by: 1)

      let resumed = try await self.replay(partner, after: resumePoint)
      #expect(resumed.map(\.kind) == [.productCreated, .productStockChanged, .caughtUp])
      #expect(resumed.allSatisfy { $0.revision > resumePoint })
      #expect(resumed.first?.subject == .product(try await partner.getProduct(second.id)))
      self.expectStrictlyIncreasing(resumed)
      let delivered = Set(snapshot.filter { $0.kind != .caughtUp }.map(\.revision))
      #expect(delivered.isDisjoint(with: resumed.filter { $0.kind != .caughtUp }.map(\.revision)))

      // Resuming from the newest revision replays nothing.
      let newest = try await market.store.currentCatalogRevision()
      let nothing = try await self.replay(partner, after: newest)
      #expect(nothing.map(\.kind) == [.caughtUp])
      #expect(nothing.first?.revision == newest)
    }
  }

  @Test("a revision above the newest fails with FEED_CURSOR_AHEAD")
  func cursorAhead() async throws {
    try await MarketHarness.with { market in
      let (_, partner) = try await market.makePartner()
      let newest = try await market.store.currentCatalogRevision()
      await expectRefusal(.failedPrecondition, .feedCursorAhead) {
        try await self.replay(partner, after: newest + 100)
      }
    }
  }
}
