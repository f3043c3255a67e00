import SoukAPI
import SoukAPIServices
import SoukRPC
import SoukWire

/// One call of a method with an empty request, of whatever kind the method is, to see whether authentication and
/// the role check let it through.
struct MethodProbe: Sendable {
  let descriptor: MethodDescriptor
  let call: @Sendable (RPCClient, Metadata) async throws -> Void

  static func unary<M: RPCMethod>(_ method: M.Type) -> MethodProbe {
    MethodProbe(descriptor: M.descriptor) { client, metadata in
      _ = try await client.unary(M.self, request: M.Input(), metadata: metadata, options: Self.options)
    }
  }

  /// Reads the first response (a feed's CAUGHT_UP at the latest), then ends the call.
  static func serverStreaming<M: RPCMethod>(_ method: M.Type) -> MethodProbe {
    MethodProbe(descriptor: M.descriptor) { client, metadata in
      try await client.serverStreaming(M.self, request: M.Input(), metadata: metadata, options: Self.options) {
        stream in
        for try await _ in stream { break }
      }
    }
  }

  /// Sends no request message and half-closes.
  static func clientStreaming<M: RPCMethod>(_ method: M.Type) -> MethodProbe {
    MethodProbe(descriptor: M.descriptor) { client, metadata in
      _ = try await client.clientStreaming(M.self, metadata: metadata, options: Self.options) { _ in }
    }
  }

  private static let options = CallOptions(timeout: .seconds(20))

  /// Every method of the catalog, order, admin and account services.
  static let all: [MethodProbe] = {
    typealias Catalog = SoukCatalogV1.CatalogService.Method
    typealias Orders = SoukOrdersV1.OrderService.Method
    typealias Admin = SoukAdminV1.AdminService.Method
    return [
      .unary(Catalog.GetProduct.self), .unary(Catalog.ListProducts.self), .unary(Catalog.CreateProduct.self),
      .unary(Catalog.UpdateProduct.self), .unary(Catalog.SetStock.self), .unary(Catalog.AdjustStock.self),
      .clientStreaming(Catalog.BulkUpsertProducts.self), .serverStreaming(Catalog.WatchCatalog.self),
      .unary(Catalog.GetCooperative.self), .unary(Catalog.ListCooperatives.self),
      .unary(Orders.PlaceOrder.self), .unary(Orders.GetOrder.self), .unary(Orders.ListOrders.self),
      .unary(Orders.CancelOrder.self), .unary(Orders.AcceptFulfilment.self), .unary(Orders.RefuseFulfilment.self),
      .unary(Orders.ShipFulfilment.self), .unary(Orders.MarkDelivered.self), .unary(Orders.MarkDeliveryRefused.self),
      .unary(Orders.RecordPayment.self), .unary(Orders.GetOrderHistory.self),
      .serverStreaming(Orders.WatchFulfilments.self),
      .unary(Admin.CreateCooperative.self), .unary(Admin.UpdateCooperative.self), .unary(Admin.ListCooperatives.self),
      .unary(Admin.CreatePartner.self), .unary(Admin.UpdatePartner.self), .unary(Admin.ListPartners.self),
      .unary(Admin.IssueApiKey.self), .unary(Admin.ListApiKeys.self), .unary(Admin.RevokeApiKey.self),
      .unary(Admin.ListOrders.self), .unary(Admin.GetOrderDetails.self), .unary(Admin.GetOrderTotals.self),
      .unary(SoukAccountsV1.AccountService.Method.GetCaller.self),
    ]
  }()
}
