import SoukAPI
public import SoukRPC
import SoukTLS
public import SoukWire

/// The way into Souk for partner shops, cooperatives' tools and the operator: one TLS connection to a Souk
/// server, authenticated with an API key, that reconnects on its own.
///
/// ```swift
/// let souk = try SoukClient(address: "souk.example.ma:7443", key: secret, trust: .systemRoots)
/// let product = try await souk.call(SoukCatalogV1.CatalogService.Method.GetProduct.self, request)
/// ```
public final class SoukClient: Sendable {
  /// Which certificate authorities the client trusts to sign the server's certificate.
  public enum Trust: Sendable, Hashable {
    /// The operating system's roots (a server with a public certificate).
    case systemRoots
    /// One CA's PEM file, e.g. the development CA `souk serve` writes to `souk-data/tls/ca.pem`.
    case certificateAuthority(path: String)
  }

  /// How calls are made.
  public struct Options: Sendable {
    /// The longest one operation may take, retries included.
    public var timeout: Duration = .seconds(30)
    /// The waits between retries of a call that is safe to repeat.
    public var backoff = Backoff(initial: .milliseconds(100), maximum: .seconds(5))
    /// The most attempts of one call, the first included.
    public var maxAttempts = 5

    /// The defaults: 30 s per operation, up to 5 attempts.
    public init() {}
  }

  /// The server's address.
  public let address: HostAndPort
  /// The connection the calls share.
  public let rpc: RPCClient
  /// How calls are made.
  public let options: Options
  /// The `authorization` metadata sent with every call.
  let credentials: Metadata

  /// Connects (lazily, at the first call) to the server at `address` (`host:port`) with the API key `key`.
  ///
  /// - Throws: ``SoukClientError`` when the address cannot be parsed or the CA file cannot be loaded.
  public init(address: String, key: String, trust: Trust = .systemRoots, options: Options = Options()) throws {
    guard let parsed = HostAndPort(address) else {
      throw SoukClientError.invalidAddress(address)
    }
    let roots: TLSConfiguration.TrustRoots
    switch trust {
    case .systemRoots: roots = .system
    case .certificateAuthority(let path): roots = .pemFile(path)
    }
    var configuration = RPCClient.Configuration(
      host: parsed.host,
      port: parsed.port,
      tls: .client(trustRoots: roots, serverName: parsed.host)
    )
    configuration.defaultTimeout = options.timeout
    self.address = parsed
    self.rpc = try RPCClient(configuration: configuration)
    self.options = options
    self.credentials = ["authorization": .string("Bearer \(key)")]
  }

  /// Starts closing the connection; calls in flight finish.
  public func close() {
    self.rpc.close()
  }

  /// Calls a unary method with the client's key.
  public func call<M: RPCMethod>(_ method: M.Type, _ request: M.Input) async throws -> M.Output {
    try await self.rpc.unary(method, request: request, metadata: self.credentials)
  }

  /// Calls a server-streaming method with the client's key and hands its responses to `body`.
  public func stream<M: RPCMethod, R: Sendable>(
    _ method: M.Type,
    _ request: M.Input,
    _ body: @escaping @Sendable (RPCResponseStream<M.Output>) async throws -> R
  ) async throws -> R {
    try await self.rpc.serverStreaming(method, request: request, metadata: self.credentials, onResponse: body)
  }

  /// Calls a client-streaming method with the client's key; `produce` writes the requests.
  public func upload<M: RPCMethod>(
    _ method: M.Type,
    _ produce: @escaping @Sendable (RPCWriter<M.Input>) async throws -> Void
  ) async throws -> M.Output {
    try await self.rpc.clientStreaming(method, metadata: self.credentials, requestProducer: produce)
  }
}
