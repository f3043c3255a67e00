import Foundation
import GRDB
import SoukAPI
import SoukStore
import SoukTestSupport
import Testing

@testable import SoukStoreSQLite

/// What only the SQLite store promises: its file keeps every committed write across a reopen, and reopening
/// migrates nothing twice.
@Suite("SQLite store file")
struct SQLiteMarketStoreTests {
  /// A cooperative for these tests.
  static func cooperative(_ id: String) -> SoukCatalogV1.Cooperative {
    var cooperative = SoukCatalogV1.Cooperative()
    cooperative.id = id
    cooperative.status = .active
    cooperative.version = 1
    return cooperative
  }

  /// A write context for these tests.
  static func context() -> WriteContext {
    var principal = SoukCommonV1.Principal()
    principal.kind = .admin
    return WriteContext(
      caller: Caller(principal: principal, apiKeyPrefix: "system"),
      method: "souk.test.v1.Test/Write",
      idempotency: nil,
      requestID: "req",
      time: SoukCommonV1.Timestamp()
    )
  }

  @Test func reopeningKeepsEveryCommittedWrite() async throws {
    let directory = try TemporaryDirectory.make(prefix: "souk-store-reopen")
    var revision: UInt64 = 0
    do {
      let store = try SQLiteMarketStore.inDirectory(directory)
      _ = try await store.insertCooperative(Self.cooperative("coop_1"), context: Self.context())
      var product = SoukCatalogV1.Product()
      product.id = "prd_1"
      product.cooperativeId = "coop_1"
      product.sku = "A-1"
      product.status = .active
      product.stock = 4
      _ = try await store.insertProduct(product, context: Self.context())
      revision = try await store.updateProduct(id: "prd_1", context: Self.context()) { $0.stock = 9 }.revision
    }
    let reopened = try SQLiteMarketStore.inDirectory(directory)
    #expect(try await reopened.cooperative(id: "coop_1") != nil)
    let product = try #require(try await reopened.product(id: "prd_1"))
    #expect(product.stock == 9)
    #expect(product.orderable)
    #expect(try await reopened.currentCatalogRevision() == revision)
    #expect(try await reopened.auditLog(after: 0, limit: 10).count == 3)
    // New revisions continue after the reopened ones.
    let next = try await reopened.updateProduct(id: "prd_1", context: Self.context()) { $0.stock = 1 }
    #expect(next.revision == revision + 1)
  }

  @Test func reopeningRunsNoMigrationTwice() async throws {
    let directory = try TemporaryDirectory.make(prefix: "souk-store-migrate")
    do {
      let store = try SQLiteMarketStore.inDirectory(directory)
      _ = try await store.insertCooperative(Self.cooperative("coop_1"), context: Self.context())
    }
    for _ in 0..<3 {
      let store = try SQLiteMarketStore.inDirectory(directory)
      #expect(try await store.listCooperatives(CooperativeQuery(), after: nil, limit: 10).map(\.id) == ["coop_1"])
      #expect(try await store.currentCatalogRevision() == 1)
    }
  }

  @Test func writerIsDurableWALWithForeignKeys() async throws {
    let store = try SQLiteMarketStore.inDirectory(try TemporaryDirectory.make(prefix: "souk-store-pragmas"))
    let (journal, synchronous, foreignKeys) = try await store.pool.writeWithoutTransaction { db in
      (
        try String.fetchOne(db, sql: "PRAGMA journal_mode"),
        try Int.fetchOne(db, sql: "PRAGMA synchronous"),
        try Bool.fetchOne(db, sql: "PRAGMA foreign_keys")
      )
    }
    #expect(journal == "wal")
    #expect(synchronous == 2, "synchronous = FULL")
    #expect(foreignKeys == true)
  }

  @Test func unopenablePathIsUnavailable() throws {
    #expect(throws: StoreError.self) {
      _ = try SQLiteMarketStore(path: "/nonexistent-souk-folder/sub/souk.sqlite")
    }
  }
}
