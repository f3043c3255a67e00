/// Where a page of a list ordered by creation time ended: the last item's creation time and id. The next page
/// starts strictly after it in the list's order (ascending or descending), so paging is stable while other
/// items are added.
public struct ListPosition: Sendable, Hashable, Codable {
  /// The last item's `created_at`, in microseconds since the epoch.
  public var createdAtMicros: Int64
  /// The last item's id (the tie-breaker).
  public var id: String

  /// Creates a position.
  public init(createdAtMicros: Int64, id: String) {
    self.createdAtMicros = createdAtMicros
    self.id = id
  }
}

/// Where a page of products ended, with every sort key a ``ProductQuery/Order`` can use; the store reads the
/// ones of the query's order.
public struct ProductPosition: Sendable, Hashable, Codable {
  /// The last product's `created_at`, in microseconds since the epoch.
  public var createdAtMicros: Int64
  /// The last product's price in minor units.
  public var priceMinor: Int64
  /// The last product's cooperative.
  public var cooperativeID: String
  /// The last product's SKU, lower-cased (ASCII).
  public var skuKey: String
  /// The last product's id (the tie-breaker).
  public var id: String

  /// Creates a position.
  public init(createdAtMicros: Int64, priceMinor: Int64, cooperativeID: String, skuKey: String, id: String) {
    self.createdAtMicros = createdAtMicros
    self.priceMinor = priceMinor
    self.cooperativeID = cooperativeID
    self.skuKey = skuKey
    self.id = id
  }
}
