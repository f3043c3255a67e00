import NIOCore
import SoukAPI
import SoukAPIServices
import SoukRPC
import SoukServer
import SoukServerTestSupport
import SoukTLS
import Testing

/// A partner identified by a client certificate instead of a key, when the server trusts a client CA.
@Suite("Mutual TLS")
struct MutualTLSTests {
  @Test("a certificate whose common name is a partner id acts as that partner; an unknown partner is refused")
  func certificateIdentifiesPartner() async throws {
    let trustDevelopmentCA: (inout ServerSettings) -> Void = {
      $0.clientCAPath = $0.developmentCertificateDirectory + "/ca.pem"
    }
    try await TestMarket.with(configure: trustDevelopmentCA) { market in
      let (_, cooperative) = try await market.makeCooperative()
      let (partner, _) = try await market.makePartner()
      let product = try await market.makeProduct(by: cooperative, sku: "ARGAN-CERT", stock: 5)
      let certificates = try DevelopmentCertificates.prepare(
        in: market.running.settings.developmentCertificateDirectory)
      let known = try certificates.issueClientCertificate(commonName: partner.id, fileName: "partner")
      let unknown = try certificates.issueClientCertificate(commonName: "ptn_unknown", fileName: "stranger")

      let client = try Self.client(market, certificate: known)
      defer { client.close() }
      let orders = SoukOrdersV1.OrderService.Client(wrapping: client)
      let order = try await orders.placeOrder(
        TestMarket.orderRequest(key: "cert-1", reference: "CERT-1", productID: product.id))
      #expect(order.partnerId == partner.id)
      var history = SoukOrdersV1.GetOrderHistoryRequest()
      history.orderId = order.id
      let events = try await orders.getOrderHistory(history).events
      #expect(events.first?.apiKeyPrefix == "certificate:\(partner.id)", "history names the certificate")

      let stranger = try Self.client(market, certificate: unknown)
      defer { stranger.close() }
      let error = await #expect(throws: RPCError.self) {
        try await SoukOrdersV1.OrderService.Client(wrapping: stranger).listOrders(.init())
      }
      #expect(error?.code == .unauthenticated)
    }
  }

  private static func client(
    _ market: TestMarket,
    certificate: DevelopmentCertificates.IssuedCertificate
  ) throws -> RPCClient {
    try RPCClient(
      configuration: RPCClient.Configuration(
        host: "127.0.0.1",
        port: market.running.address.port ?? 0,
        tls: .client(
          trustRoots: .pemFile(market.running.developmentCAPath ?? ""),
          certificateChainPath: certificate.certificatePath,
          privateKeyPath: certificate.privateKeyPath,
          serverName: "127.0.0.1"
        )
      )
    )
  }
}
