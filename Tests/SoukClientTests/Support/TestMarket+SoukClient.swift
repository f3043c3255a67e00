import SoukClient
import SoukRPC
import SoukServerTestSupport

extension TestMarket {
  /// A client of this server (or of `port`, a proxy in front of it) with `key`, retrying quickly.
  func client(key: String, port: Int? = nil) throws -> SoukClient {
    var options = SoukClient.Options()
    options.backoff = Backoff(initial: .milliseconds(50), maximum: .milliseconds(500))
    options.timeout = .seconds(20)
    return try SoukClient(
      address: "127.0.0.1:\(port ?? self.port)",
      key: key,
      trust: .certificateAuthority(path: self.caPath),
      options: options
    )
  }
}
