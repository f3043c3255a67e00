import Foundation
import SoukAPI
public import SoukStore
import Testing

/// The contract of a store that several server instances open at once (PostgreSQL): what one instance commits,
/// every other sees exactly, in order, once, and promptly.
///
/// Each check opens instances on one fresh database with `openInstances(n)`.
public struct SharedStoreConformance: Sendable {
  /// Opens `n` instances of the store on one new, empty database.
  let openInstances: @Sendable (_ n: Int) async throws -> [any MarketStore]

  /// Creates the suite.
  public init(openInstances: @escaping @Sendable (_ n: Int) async throws -> [any MarketStore]) {
    self.openInstances = openInstances
  }

  /// The checks, by name: a test target runs each as a case of one parameterized test.
  public enum Check: String, CaseIterable, Sendable {
    case ordersAcrossInstancesNeverOversell
    case idempotencyKeyIsUniqueAcrossInstances
    case skuIsUniqueAcrossInstances
    case changeNotificationsReachOtherInstances
    case catalogFollowerOnOneInstanceMissesNoLateCommit
    case fulfilmentFeedAcrossInstancesIsGapFree
  }

  /// Runs one check on its own instances.
  public func run(_ check: Check) async throws {
    switch check {
    case .ordersAcrossInstancesNeverOversell: try await ordersAcrossInstancesNeverOversell()
    case .idempotencyKeyIsUniqueAcrossInstances: try await idempotencyKeyIsUniqueAcrossInstances()
    case .skuIsUniqueAcrossInstances: try await skuIsUniqueAcrossInstances()
    case .changeNotificationsReachOtherInstances: try await changeNotificationsReachOtherInstances()
    case .catalogFollowerOnOneInstanceMissesNoLateCommit: try await catalogFollowerOnOneInstanceMissesNoLateCommit()
    case .fulfilmentFeedAcrossInstancesIsGapFree: try await fulfilmentFeedAcrossInstancesIsGapFree()
    }
  }

  /// 200 orders of one unit each, placed at once and spread over two instances, for a product with stock 50:
  /// exactly 50 are placed, the others refused for stock, and the stock ends at zero.
  public func ordersAcrossInstancesNeverOversell() async throws {
    let instances = try await openInstances(2)
    let (_, partner, products) = try await Fixtures.seed(instances[0], stocks: [50])
    let placed = try await withThrowingTaskGroup(of: Bool.self) { group in
      for index in 0..<200 {
        group.addTask {
          do {
            _ = try await OrderFixture(lines: [(products[0], 1)]).place(
              in: instances[index % 2],
              partnerID: partner.id,
              reference: "X-\(index)"
            )
            return true
          } catch StoreError.insufficientStock(let productID, let available) {
            #expect(productID == products[0] && available == 0)
            return false
          }
        }
      }
      return try await group.reduce(0) { $0 + ($1 ? 1 : 0) }
    }
    #expect(placed == 50)
    for instance in instances {
      let product = try #require(try await instance.product(id: products[0]))
      #expect(product.stock == 0 && product.version == 51)
    }
    var query = OrderQuery()
    query.partnerID = partner.id
    #expect(try await instances[1].listOrders(query, after: nil, limit: 500).count == 50)
  }

  /// The same idempotency key sent to two instances at once places one order: both calls return it, and the stock
  /// goes down once.
  public func idempotencyKeyIsUniqueAcrossInstances() async throws {
    let instances = try await openInstances(2)
    let (_, partner, products) = try await Fixtures.seed(instances[0], stocks: [10])
    let principal = Fixtures.principal(.partner, partner.id)
    let fixture = OrderFixture(lines: [(products[0], 3)])
    let orders = try await withThrowingTaskGroup(of: SoukOrdersV1.Order.self) { group in
      for instance in instances {
        group.addTask {
          try await fixture.place(
            in: instance,
            partnerID: partner.id,
            reference: "SAME",
            context: Fixtures.context(principal, key: "key-1")
          )
        }
      }
      return try await group.reduce(into: [SoukOrdersV1.Order]()) { $0.append($1) }
    }
    #expect(orders.count == 2 && orders[0] == orders[1])
    #expect(try await instances[1].product(id: products[0])?.stock == 7)
  }

  /// Two instances creating the same SKU at once: one product is stored, the other call is refused with its id.
  public func skuIsUniqueAcrossInstances() async throws {
    let instances = try await openInstances(2)
    let cooperative = try await instances[0].insertCooperative(Fixtures.cooperative(), context: Fixtures.context())
    let outcomes = try await withThrowingTaskGroup(of: Result<String, StoreError>.self) { group in
      for instance in instances {
        group.addTask {
          do {
            let product = Fixtures.product(of: cooperative.id, sku: "ARGAN-250")
            return .success(try await instance.insertProduct(product, context: Fixtures.context()).id)
          } catch let error as StoreError {
            return .failure(error)
          }
        }
      }
      return try await group.reduce(into: [Result<String, StoreError>]()) { $0.append($1) }
    }
    let stored = outcomes.compactMap { try? $0.get() }
    #expect(stored.count == 1)
    let refusals = outcomes.compactMap { outcome -> StoreError? in
      guard case .failure(let error) = outcome else { return nil }
      return error
    }
    #expect(refusals == stored.map { StoreError.skuAlreadyExists(productID: $0) })
  }

  /// A commit through one instance wakes the change notifications of another.
  public func changeNotificationsReachOtherInstances() async throws {
    let instances = try await openInstances(2)
    let notifications = instances[1].changeNotifications()
    _ = try await instances[0].insertCooperative(Fixtures.cooperative(), context: Fixtures.context())
    #expect(try await MarketStoreConformance.nextNotification(notifications))
  }

  /// A follower on one instance mirrors the catalog while writers on both instances keep changing it: it wakes on
  /// notifications, reads the changes after the last revision it saw, and ends with every product exactly as
  /// stored. A revision committing late (after a higher one was read) would leave its product stale.
  public func catalogFollowerOnOneInstanceMissesNoLateCommit() async throws {
    let instances = try await openInstances(3)
    let writers = Array(instances.prefix(2))
    let follower = instances[2]
    let (_, _, products) = try await Fixtures.seed(writers[0], stocks: Array(repeating: 1_000, count: 8))
    let notifications = follower.changeNotifications()
    // Every update changes a stock, so each takes one revision: the follower is done when it has read the last.
    let finalRevision = try await follower.currentCatalogRevision() + 25 * UInt64(products.count)
    let mirror = try await withThrowingTaskGroup(of: [String: SoukCatalogV1.Product]?.self) { group in
      group.addTask {
        for round in 0..<25 {
          try await withThrowingTaskGroup(of: Void.self) { writes in
            for (index, productID) in products.enumerated() {
              writes.addTask {
                _ = try await writers[(index + round) % 2].updateProduct(id: productID, context: Fixtures.context()) {
                  $0.stock -= 1
                }
              }
            }
            try await writes.waitForAll()
          }
        }
        return nil
      }
      group.addTask {
        var mirror: [String: SoukCatalogV1.Product] = [:]
        var revision: UInt64 = 0
        while true {
          for record in try await follower.catalogChanges(after: revision, cooperativeIDs: [], limit: 1_000) {
            #expect(record.revision > revision)
            revision = record.revision
            if case .product(let product, _, _) = record { mirror[product.id] = product }
          }
          if revision == finalRevision { return mirror }
          _ = try await MarketStoreConformance.nextNotification(notifications)
        }
      }
      var mirror: [String: SoukCatalogV1.Product] = [:]
      for try await result in group { if let result { mirror = result } }
      return mirror
    }
    for productID in products {
      let stored = try #require(try await follower.product(id: productID))
      #expect(stored.stock == 975)
      #expect(mirror[productID] == stored)
    }
  }

  /// Orders placed through two instances at once reach a fulfilment-feed reader on a third as consecutive
  /// sequences 1, 2, 3, …: none skipped, none repeated, while the orders are still being placed.
  public func fulfilmentFeedAcrossInstancesIsGapFree() async throws {
    let instances = try await openInstances(3)
    let (_, partner, products) = try await Fixtures.seed(instances[0], stocks: [1_000])
    let reader = instances[2]
    let notifications = reader.changeNotifications()
    let sequences = try await withThrowingTaskGroup(of: [UInt64].self) { group in
      group.addTask {
        try await withThrowingTaskGroup(of: Void.self) { orders in
          for index in 0..<60 {
            orders.addTask {
              _ = try await OrderFixture(lines: [(products[0], 1)]).place(
                in: instances[index % 2],
                partnerID: partner.id
              )
            }
          }
          try await orders.waitForAll()
        }
        return []
      }
      group.addTask {
        var seen: [UInt64] = []
        while true {
          for record in try await reader.fulfilmentFeed(
            after: seen.last ?? 0,
            cooperativeID: nil,
            partnerID: nil,
            limit: 1_000
          ) {
            seen.append(record.sequence)
          }
          // Each order has one fulfilment, hence one feed entry.
          if seen.count >= 60 { return seen }
          _ = try await MarketStoreConformance.nextNotification(notifications)
        }
      }
      return try await group.reduce(into: [UInt64]()) { $0 += $1 }
    }
    #expect(sequences == Array(1...60))
  }
}
