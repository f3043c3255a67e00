public import SoukAPI

/// Filters of a product listing. Empty arrays and nil values do not filter; values in one array combine with OR,
/// the filters with AND.
public struct ProductQuery: Sendable, Hashable {
  /// The order of a product listing; each ends with the id as tie-breaker.
  public enum Order: Sendable, Hashable {
    /// Oldest first.
    case createdAscending
    /// Newest first.
    case createdDescending
    /// Cheapest first.
    case priceAscending
    /// Dearest first (id descending as tie-breaker).
    case priceDescending
    /// By cooperative id, then SKU ignoring ASCII case, then id.
    case sku
  }

  public var cooperativeIDs: [String] = []
  /// Regions of the products' cooperatives.
  public var regions: [SoukCommonV1.Region] = []
  public var categories: [SoukCatalogV1.ProductCategory] = []
  /// The statuses to return; the service resolves defaults and visibility before asking.
  public var statuses: [SoukCatalogV1.ProductStatus] = []
  /// When set, DRAFT products are returned only if they belong to this cooperative (a cooperative caller's
  /// view); nil returns drafts of every cooperative that `statuses` asks for.
  public var draftsOnlyOf: String? = nil
  /// True for stock above zero, false for none.
  public var inStock: Bool? = nil
  /// Inclusive price bounds in minor units.
  public var minPriceMinor: Int64? = nil
  public var maxPriceMinor: Int64? = nil
  /// Words already normalised by ``SearchText/words(of:)``; each must prefix a word of the title (any language)
  /// or a tag.
  public var queryWords: [String] = []
  /// Only these ids.
  public var productIDs: [String] = []
  public var order: Order = .createdAscending

  /// Creates a query that does not filter.
  public init() {}
}

/// Filters of a cooperative listing.
public struct CooperativeQuery: Sendable, Hashable {
  public var regions: [SoukCommonV1.Region] = []
  public var sectors: [SoukCommonV1.Sector] = []
  public var statuses: [SoukCatalogV1.CooperativeStatus] = []
  /// Normalised words; each must prefix a word of the name (any language), the city or the province.
  public var queryWords: [String] = []

  /// Creates a query that does not filter.
  public init() {}
}

/// Filters of a partner listing.
public struct PartnerQuery: Sendable, Hashable {
  public var statuses: [SoukAdminV1.PartnerStatus] = []
  /// Normalised words; each must prefix a word of the name or occur in the website URL.
  public var queryWords: [String] = []

  /// Creates a query that does not filter.
  public init() {}
}

/// Filters of a key listing.
public struct ApiKeyQuery: Sendable, Hashable {
  /// Only keys of this kind.
  public var kind: SoukCommonV1.PrincipalKind? = nil
  /// Only keys of this principal id (with `kind`).
  public var principalID: String? = nil
  /// Only the key with this prefix.
  public var prefix: String? = nil
  public var includeRevoked = false

  /// Creates a query that lists every key that is not revoked.
  public init() {}
}

/// Filters of an order listing: the partner and cooperative ones, and the admin's.
public struct OrderQuery: Sendable, Hashable {
  public var statuses: [SoukOrdersV1.OrderStatus] = []
  /// Orders with at least one fulfilment in one of these statuses; of `cooperativeID`'s fulfilment when it is set.
  public var fulfilmentStatuses: [SoukOrdersV1.FulfilmentStatus] = []
  /// Orders with a fulfilment of this cooperative.
  public var cooperativeID: String? = nil
  public var partnerID: String? = nil
  /// `created_at` bounds in microseconds: `[createdFromMicros, createdBeforeMicros)`.
  public var createdFromMicros: Int64? = nil
  public var createdBeforeMicros: Int64? = nil
  public var partnerOrderReference: String? = nil
  public var paymentMethods: [SoukOrdersV1.PaymentMethod] = []
  /// Orders with a line of this product.
  public var productID: String? = nil
  public var deliveryRegions: [SoukCommonV1.Region] = []
  /// Matched against the order id, the reference, the customer's name (normalised words, as prefixes) and phone
  /// (digits, as a substring).
  public var customerQueryWords: [String] = []
  public var customerPhoneDigits: String? = nil
  /// True for an outstanding amount above zero, false for none.
  public var hasOutstanding: Bool? = nil
  /// Newest first when true (the default), oldest first when false.
  public var newestFirst = true

  /// Creates a query that does not filter.
  public init() {}
}

/// The orders totals are computed over.
public struct FulfilmentFactQuery: Sendable, Hashable {
  /// Orders placed at or after this instant, in microseconds since the epoch.
  public var fromMicros: Int64
  /// Orders placed strictly before this instant.
  public var beforeMicros: Int64
  public var partnerID: String? = nil
  public var cooperativeID: String? = nil

  /// Creates a query over `[fromMicros, beforeMicros)`.
  public init(fromMicros: Int64, beforeMicros: Int64) {
    self.fromMicros = fromMicros
    self.beforeMicros = beforeMicros
  }
}
