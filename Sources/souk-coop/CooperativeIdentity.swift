import ArgumentParser
import Foundation
import SoukAPI
import SoukClient
import SoukRPC
import SoukTools
import SoukWire

/// Finds the id of the cooperative a key belongs to, for the calls that must name it (listing its products).
///
/// The API has no "who am I" call, so: `--cooperative` or `SOUK_COOPERATIVE` when given; else the cooperative
/// of one of its drafts (only the caller's own drafts are visible to it); else the one cooperative the server
/// lets this key write for, found with empty dry-run uploads (a cooperative key may name only its own id).
enum CooperativeIdentity {
  /// The caller's cooperative id.
  static func resolve(
    _ client: SoukClient,
    given: String?,
    environment: [String: String] = ProcessInfo.processInfo.environment
  ) async throws -> String {
    if let given = given ?? environment["SOUK_COOPERATIVE"], !given.isEmpty {
      return given
    }
    var drafts = SoukCatalogV1.ListProductsRequest()
    drafts.statuses = [.draft]
    drafts.page = .init()
    drafts.page?.pageSize = 1
    let page = try await client.call(SoukCatalogV1.CatalogService.Method.ListProducts.self, drafts)
    if let product = page.products.first {
      return product.cooperativeId
    }
    var request = SoukCatalogV1.ListCooperativesRequest()
    request.page = .init()
    request.page?.pageSize = 500
    while true {
      let response = try await client.call(SoukCatalogV1.CatalogService.Method.ListCooperatives.self, request)
      for cooperative in response.cooperatives {
        if try await Self.mayWrite(client, for: cooperative.id) { return cooperative.id }
      }
      guard !response.nextPageToken.isEmpty else { break }
      request.page?.pageToken = response.nextPageToken
    }
    throw ToolFailure(
      "error: this key may not change any cooperative's products; use your cooperative's key (or pass --cooperative)",
      exitCode: ExitCode(6))
  }

  /// Whether an empty dry-run upload for `cooperativeID` is accepted (or refused only because the cooperative
  /// is suspended).
  private static func mayWrite(_ client: SoukClient, for cooperativeID: String) async throws -> Bool {
    let key = IdempotencyKey.fresh()
    do {
      _ = try await client.upload(SoukCatalogV1.CatalogService.Method.BulkUpsertProducts.self) { writer in
        var header = SoukCatalogV1.BulkUpsertHeader()
        header.idempotencyKey = key
        header.cooperativeId = cooperativeID
        header.validateOnly = true
        var message = SoukCatalogV1.BulkUpsertProductsRequest()
        message.item = .header(header)
        try await writer.write(message)
      }
      return true
    } catch let error as RPCError where error.code == .permissionDenied {
      let detail = try? SoukCommonV1.ErrorDetail(decoding: error.details)
      return detail?.reason == .accountSuspended
    }
  }
}
