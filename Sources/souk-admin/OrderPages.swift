import SoukAPI
import SoukAPIServices
import SoukClient

/// Walks `AdminService.ListOrders` page by page, handing each page to the caller before asking for the next,
/// so that at most one page of orders is in memory.
struct OrderPages {
  /// The client the pages come from.
  let client: SoukClient
  /// The first page's request; its page token is replaced for each following page.
  let request: SoukAdminV1.AdminListOrdersRequest

  /// Calls `body` with each page's orders in turn until the last page, or until `body` returns `false`.
  ///
  /// - Returns: Whether more orders were left when `body` stopped the walk.
  @discardableResult
  func walk(_ body: ([SoukOrdersV1.Order]) throws -> Bool) async throws -> Bool {
    var request = self.request
    while true {
      let response = try await self.client.call(SoukAdminV1.AdminService.Method.ListOrders.self, request)
      let wantsMore = try body(response.orders)
      if response.nextPageToken.isEmpty { return false }
      if !wantsMore { return true }
      request.filter?.page?.pageToken = response.nextPageToken
    }
  }
}
