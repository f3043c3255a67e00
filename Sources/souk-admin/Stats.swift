import ArgumentParser
import SoukAPI
import SoukAPIServices
import SoukClient
import SoukMarket
import SoukTools

/// `souk-admin stats`: order totals over a range of days, grouped by cooperative, day and/or status.
struct Stats: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Order totals per cooperative, day and status (counts and MAD amounts).",
    discussion: """
      Totals count fulfilments (one cooperative's part of an order), by the day the order was placed in Morocco.
      Examples:
        souk-admin stats --from 2025-03-01 --to 2025-03-31 --by cooperative
        souk-admin stats --by day,status
      """)

  @OptionGroup var connection: ConnectionOptions

  @Option(help: "The first day, YYYY-MM-DD (default: 29 days before --to).")
  var from: Day?

  @Option(help: "The last day, YYYY-MM-DD (default: today in Morocco).")
  var to: Day?

  @Option(help: "Group by cooperative, day and/or status (comma-separated); none for one overall line.")
  var by: [Choices<SoukAdminV1.TotalsDimension>] = []

  @Option(help: "Only orders of this partner (its id).")
  var partner: String?

  @Option(help: "Only fulfilments of this cooperative (its id).")
  var cooperative: String?

  @Flag(help: "Print the response as one JSON object.")
  var json = false

  func run() async throws {
    let to = self.to?.date ?? MoroccoTime.today()
    guard let from = self.from?.date ?? MoroccoTime.adding(days: -29, to: to) else {
      throw ValidationError("--to is out of range")
    }
    if Day(from).isAfter(Day(to)) {
      throw ValidationError("--from \(MoroccoTime.format(from)) is after --to \(MoroccoTime.format(to))")
    }
    var request = SoukAdminV1.GetOrderTotalsRequest()
    request.fromDate = from
    request.toDate = to
    request.groupBy = self.by.flattened()
    request.partnerId = self.partner ?? ""
    request.cooperativeId = self.cooperative ?? ""
    let (response, names) = try await ToolSession.run(self.connection) { client in
      let response = try await client.call(SoukAdminV1.AdminService.Method.GetOrderTotals.self, request)
      var names: [String: String] = [:]
      if request.groupBy.contains(.cooperative) {
        names = try await Self.cooperativeNames(client)
      }
      return (response, names)
    }
    if self.json {
      print(
        JSONValue.members([
          ("from", JSONValue(from)), ("to", JSONValue(to)),
          ("groups", .array(response.groups.map(JSONValue.init))),
          ("overall", response.overall.map(JSONValue.init)),
          ("order_level_collected_total", response.orderLevelCollectedTotal.map(JSONValue.init)),
        ]).serialized())
      return
    }
    print("Orders placed \(MoroccoTime.format(from)) to \(MoroccoTime.format(to)) (Africa/Casablanca)\n")
    print(self.table(response, names: names, dimensions: request.groupBy).render(), terminator: "")
    if let extra = response.orderLevelCollectedTotal, extra.amountMinor != 0 {
      print("\nPayments of whole orders (not split by cooperative): \(MoneyText.format(extra))")
    }
  }

  private func table(
    _ response: SoukAdminV1.GetOrderTotalsResponse,
    names: [String: String],
    dimensions: [SoukAdminV1.TotalsDimension]
  ) -> TextTable {
    var columns: [TextTable.Column] = []
    if dimensions.contains(.cooperative) { columns.append(.init("COOPERATIVE", maximumWidth: 40)) }
    if dimensions.contains(.day) { columns.append(.init("DAY")) }
    if dimensions.contains(.status) { columns.append(.init("STATUS")) }
    if columns.isEmpty { columns.append(.init("")) }
    let labelCount = columns.count
    columns += [
      .init("ORDERS", alignment: .right), .init("FULFILMENTS", alignment: .right), .init("GOODS", alignment: .right),
      .init("DELIVERED", alignment: .right), .init("COLLECTED", alignment: .right),
    ]
    var table = TextTable(columns: columns)
    for group in response.groups where !dimensions.isEmpty {
      var labels: [String] = []
      if dimensions.contains(.cooperative) { labels.append(names[group.cooperativeId] ?? group.cooperativeId) }
      if dimensions.contains(.day) { labels.append(MoroccoTime.format(group.day)) }
      if dimensions.contains(.status) { labels.append(EnumName.kebab(group.status)) }
      table.append(labels + Self.figures(group))
    }
    let overall = response.overall ?? SoukAdminV1.TotalsGroup()
    table.append(["TOTAL"] + Array(repeating: "", count: labelCount - 1) + Self.figures(overall))
    return table
  }

  private static func figures(_ group: SoukAdminV1.TotalsGroup) -> [String] {
    [
      String(group.orderCount), String(group.fulfilmentCount),
      MoneyText.format(centimes: group.goodsTotal?.amountMinor ?? 0),
      MoneyText.format(centimes: group.deliveredTotal?.amountMinor ?? 0),
      MoneyText.format(centimes: group.collectedTotal?.amountMinor ?? 0),
    ]
  }

  /// Every cooperative's display name by id, to label the groups.
  private static func cooperativeNames(_ client: SoukClient) async throws -> [String: String] {
    var names: [String: String] = [:]
    var request = SoukCatalogV1.ListCooperativesRequest()
    request.page = SoukCommonV1.PageRequest()
    request.page?.pageSize = 500
    while true {
      let response = try await client.call(SoukAdminV1.AdminService.Method.ListCooperatives.self, request)
      for cooperative in response.cooperatives {
        names[cooperative.id] = OrderDetailsText.title(cooperative.name)
      }
      if response.nextPageToken.isEmpty { return names }
      request.page?.pageToken = response.nextPageToken
    }
  }
}
