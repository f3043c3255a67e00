public import SoukAPI

/// What the store hands to an order's `build` decision: the ordered products and their cooperatives, read inside
/// the placing transaction.
public struct OrderPlacementInput: Sendable {
  /// The products of the request's lines that exist, by id.
  public var products: [String: SoukCatalogV1.Product]
  /// Their cooperatives, by id.
  public var cooperatives: [String: SoukCatalogV1.Cooperative]

  /// Creates the input.
  public init(products: [String: SoukCatalogV1.Product], cooperatives: [String: SoukCatalogV1.Cooperative]) {
    self.products = products
    self.cooperatives = cooperatives
  }
}

/// A new order as the service built it: the order, its first history entries and the stock to take off.
public struct OrderPlacement: Sendable {
  /// The whole order (ids, lines, fulfilments, totals, times).
  public var order: SoukOrdersV1.Order
  /// Its first history entries, in order; the store numbers them from 1.
  public var events: [SoukOrdersV1.OrderEvent]
  /// Units to take off each product's stock, by product id.
  public var reservations: [String: Int64]

  /// Creates a placement.
  public init(order: SoukOrdersV1.Order, events: [SoukOrdersV1.OrderEvent], reservations: [String: Int64]) {
    self.order = order
    self.events = events
    self.reservations = reservations
  }
}

/// What one change of an order causes besides the new order value.
public struct OrderChange: Sendable {
  /// History entries to append, in order; the store numbers them after the last one.
  public var events: [SoukOrdersV1.OrderEvent]
  /// Units to put back on each product's stock, by product id.
  public var releases: [String: Int64]

  /// Creates a change.
  public init(events: [SoukOrdersV1.OrderEvent], releases: [String: Int64] = [:]) {
    self.events = events
    self.releases = releases
  }
}

/// One entry of the fulfilment feed as stored. The store writes one per history entry that changes a
/// fulfilment's status or records a payment.
public struct FeedRecord: Sendable {
  /// The entry's position in the feed, shared by every watcher.
  public var sequence: UInt64
  /// What it is.
  public var kind: SoukOrdersV1.FulfilmentFeedEventKind
  /// The order's id.
  public var orderID: String
  /// The fulfilment's cooperative; empty for a payment of the whole order.
  public var cooperativeID: String
  /// The order's partner.
  public var partnerID: String
  /// The history entry, as numbered by the store.
  public var event: SoukOrdersV1.OrderEvent

  /// Creates a record.
  public init(
    sequence: UInt64,
    kind: SoukOrdersV1.FulfilmentFeedEventKind,
    orderID: String,
    cooperativeID: String,
    partnerID: String,
    event: SoukOrdersV1.OrderEvent
  ) {
    self.sequence = sequence
    self.kind = kind
    self.orderID = orderID
    self.cooperativeID = cooperativeID
    self.partnerID = partnerID
    self.event = event
  }
}

/// One fulfilment of an order in a totals range, or one order-level payment (then `fulfilmentID` is empty and
/// only `collectedMinor` counts).
public struct FulfilmentFact: Sendable, Hashable {
  public var orderID: String
  public var fulfilmentID: String
  public var cooperativeID: String
  public var status: SoukOrdersV1.FulfilmentStatus
  /// When the order was placed, microseconds since the epoch.
  public var orderCreatedAtMicros: Int64
  /// The fulfilment's goods total as placed.
  public var goodsTotalMinor: Int64
  /// Payments recorded against it (or, for an order-level fact, against the whole order).
  public var collectedMinor: Int64

  /// Creates a fact.
  public init(
    orderID: String,
    fulfilmentID: String,
    cooperativeID: String,
    status: SoukOrdersV1.FulfilmentStatus,
    orderCreatedAtMicros: Int64,
    goodsTotalMinor: Int64,
    collectedMinor: Int64
  ) {
    self.orderID = orderID
    self.fulfilmentID = fulfilmentID
    self.cooperativeID = cooperativeID
    self.status = status
    self.orderCreatedAtMicros = orderCreatedAtMicros
    self.goodsTotalMinor = goodsTotalMinor
    self.collectedMinor = collectedMinor
  }
}
