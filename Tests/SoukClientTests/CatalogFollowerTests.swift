import SoukAPI
import SoukClient
import SoukServerTestSupport
import SoukTestSupport
import Testing

/// The catalog follower against a real server that is stopped and started again on the same data folder and
/// port while the follower runs.
@Suite("Catalog follower")
struct CatalogFollowerTests {
  @Test func followerResumesAcrossAServerRestartWithNothingLostOrRepeated() async throws {
    var market = try await TestMarket.start(prefix: "souk-client-market")
    let (_, cooperativeKey) = try await market.makeCooperative()
    let (_, partnerKey) = try await market.makePartner()
    let first = try await market.makeProduct(by: cooperativeKey, sku: "MIEL-1", stock: 10)
    let shop = try market.client(key: partnerKey.secret)

    let recorder = FeedRecorder()
    let follower = Task {
      for try await change in shop.catalogChanges(after: 0) { recorder.record(change) }
    }
    try await withTimeout(.seconds(30), "the replay") {
      try await recorder.wait(for: "caught up") { changes in changes.contains { $0.kind == .caughtUp } }
    }
    let second = try await market.makeProduct(by: cooperativeKey, sku: "MIEL-2", stock: 5)
    try await withTimeout(.seconds(30), "a live change") {
      try await recorder.wait(for: "MIEL-2") { changes in changes.contains { $0.product?.id == second.id } }
    }

    market = try await market.restarted()
    // Changes made after the restart reach the follower through a new call from its last revision.
    try await market.setStock(by: cooperativeKey, productID: first.id, to: 42)
    let third = try await market.makeProduct(by: cooperativeKey, sku: "MIEL-3", stock: 1)
    try await withTimeout(.seconds(60), "the changes after the restart") {
      try await recorder.wait(for: "MIEL-3 and the new stock") { changes in
        changes.contains { $0.product?.id == third.id }
          && changes.contains { $0.product?.id == first.id && $0.product?.stock == 42 }
      }
    }
    follower.cancel()
    _ = await follower.result

    let changes = recorder.all
    let revisions = changes.filter { $0.kind != .caughtUp }.map(\.revision)
    #expect(revisions == revisions.sorted() && Set(revisions).count == revisions.count, "\(revisions)")
    #expect(changes.filter { $0.kind == .caughtUp }.count >= 2, "a second call after the restart")
    #expect(changes.contains { $0.product?.id == first.id && $0.product?.stock == 10 })

    shop.close()
    await market.stop()
  }

  @Test func cancellingTheConsumerEndsTheFeed() async throws {
    let market = try await TestMarket.start(prefix: "souk-client-market")
    let admin = try market.client(key: market.admin.secret)
    let recorder = FeedRecorder()
    let follower = Task {
      for try await change in admin.catalogChanges(after: 0) { recorder.record(change) }
    }
    try await withTimeout(.seconds(30), "the replay") {
      try await recorder.wait(for: "caught up") { changes in changes.contains { $0.kind == .caughtUp } }
    }
    follower.cancel()
    try await withTimeout(.seconds(10), "the end of the feed") { try await follower.value }
    admin.close()
    await market.stop()
  }

  @Test func aRevisionAheadOfTheFeedEndsItWithASoukError() async throws {
    let market = try await TestMarket.start(prefix: "souk-client-market")
    let admin = try market.client(key: market.admin.secret)
    let error = await #expect(throws: SoukError.self) {
      try await withTimeout(.seconds(30), "the refusal") {
        for try await _ in admin.catalogChanges(after: 1_000_000) {}
      }
    }
    #expect(error?.reason == .feedCursorAhead)
    admin.close()
    await market.stop()
  }
}
