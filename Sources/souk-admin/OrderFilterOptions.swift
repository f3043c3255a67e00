import ArgumentParser
import SoukAPI
import SoukAPIServices
import SoukMarket
import SoukTools

/// Every filter of `AdminService.ListOrders`, shared by `orders list` and `orders export`. Filters combine with
/// AND; the values of one option (comma-separated or repeated) with OR.
struct OrderFilterOptions: ParsableArguments {
  @Option(help: "Only orders with these statuses (placed, accepted, shipped, completed, ...).")
  var status: [Choices<SoukOrdersV1.OrderStatus>] = []

  @Option(name: .customLong("fulfilment-status"), help: "Only orders with a fulfilment in one of these statuses.")
  var fulfilmentStatus: [Choices<SoukOrdersV1.FulfilmentStatus>] = []

  @Option(help: "Only orders containing this cooperative's products (its id).")
  var cooperative: String?

  @Option(help: "Only orders of this partner (its id).")
  var partner: String?

  @Option(help: "Only orders placed on or after this day, YYYY-MM-DD in Morocco's time.")
  var from: Day?

  @Option(help: "Only orders placed on or before this day, YYYY-MM-DD in Morocco's time.")
  var to: Day?

  @Option(help: "Only the order with this partner order reference (exact).")
  var reference: String?

  @Option(name: .customLong("payment-method"), help: "Only orders paid this way (cash-on-delivery, card, ...).")
  var paymentMethod: [Choices<SoukOrdersV1.PaymentMethod>] = []

  @Option(help: "Only orders with a line of this product (its id).")
  var product: String?

  @Option(help: "Only orders delivered to these regions (fes-meknes, souss-massa, ...).")
  var region: [Choices<SoukCommonV1.Region>] = []

  @Option(help: "Free text: order id, partner reference, customer name or phone (0612345678 finds +212612345678).")
  var customer: String?

  @Flag(
    inversion: .prefixedNo,
    help: "Only orders with money still to collect (--outstanding), or with none (--no-outstanding).")
  var outstanding: Bool?

  @Flag(name: .customLong("oldest-first"), help: "Oldest orders first (default: newest first).")
  var oldestFirst = false

  func validate() throws {
    if let from, let to, from.isAfter(to) {
      throw ValidationError("--from \(from.defaultValueDescription) is after --to \(to.defaultValueDescription)")
    }
  }

  /// The request for the first page, with `pageSize` orders per page.
  func request(pageSize: Int) throws -> SoukAdminV1.AdminListOrdersRequest {
    var filter = SoukOrdersV1.ListOrdersRequest()
    filter.statuses = self.status.flattened()
    filter.fulfilmentStatuses = self.fulfilmentStatus.flattened()
    filter.cooperativeId = self.cooperative ?? ""
    filter.partnerId = self.partner ?? ""
    filter.partnerOrderReference = self.reference ?? ""
    filter.sort = self.oldestFirst ? .createdAsc : .createdDesc
    if let from = self.from {
      filter.createdFrom = try Self.start(of: from.date)
    }
    if let to = self.to {
      guard let next = MoroccoTime.adding(days: 1, to: to.date) else {
        throw ValidationError("--to \(to.defaultValueDescription) is out of range")
      }
      filter.createdBefore = try Self.start(of: next)
    }
    var page = SoukCommonV1.PageRequest()
    page.pageSize = UInt32(pageSize)
    filter.page = page
    var request = SoukAdminV1.AdminListOrdersRequest()
    request.filter = filter
    request.paymentMethods = self.paymentMethod.flattened()
    request.productId = self.product ?? ""
    request.deliveryRegions = self.region.flattened()
    request.customerQuery = self.customer ?? ""
    request.hasOutstanding = self.outstanding
    return request
  }

  private static func start(of date: SoukCommonV1.LocalDate) throws -> SoukCommonV1.Timestamp {
    guard let start = MoroccoTime.startTimestamp(of: date) else {
      throw ValidationError("\(MoroccoTime.format(date)) is out of range")
    }
    return start
  }
}
