public import SoukAPI
public import SoukAPIServices
public import SoukRPC
import SoukTLS
import SoukWire

/// The way into Souk for partner shops, cooperatives' tools and the operator: one TLS connection to a Souk
/// server, authenticated with an API key, that reconnects on its own.
///
/// Every call carries the key, and calls to idempotent methods are retried with jittered backoff when the server
/// is unavailable or the connection broke; a request's empty idempotency key is filled with a new random one
/// before the first attempt, so a retried `placeOrder` never places a second order. Thread-safe: share one
/// client across tasks.
///
/// ```swift
/// let souk = try SoukClient(
///   address: "127.0.0.1:7443", key: partnerKey, trust: .certificateAuthority(path: "souk-data/tls/ca.pem"))
/// defer { souk.close() }
/// for try await change in souk.catalogChanges(after: storedRevision) {
///   mirror.apply(change)  // CAUGHT_UP marks the end of the replay; store change.revision after applying
/// }
/// var request = SoukOrdersV1.PlaceOrderRequest()  // idempotency key left empty: the client fills it
/// request.partnerOrderReference = "CMD-1042"
/// // ... customer, payment method, lines
/// let order = try await SoukError.catching { try await souk.orders.placeOrder(request) }
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
    /// The waits between retries of a call that is safe to repeat, and between reconnections of a feed.
    public var backoff = Backoff(initial: .milliseconds(100), maximum: .seconds(5))
    /// The most attempts of one call, the first included.
    public var maxAttempts = 5

    /// The defaults: 30 s per operation, up to 5 attempts.
    public init() {}
  }

  /// The server's address.
  public let address: HostAndPort
  /// The connection the calls share; it sends the key with every call and applies the retry policy.
  public let rpc: RPCClient
  /// How calls are made.
  public let options: Options

  /// The catalog: cooperatives, products, stock and the change feed.
  public var catalog: SoukCatalogV1.CatalogService.Client { .init(wrapping: self.rpc) }
  /// Orders: placing, reading, fulfilling, payments and the fulfilment feed.
  public var orders: SoukOrdersV1.OrderService.Client { .init(wrapping: self.rpc) }
  /// The operator's service: accounts, keys, order inspection and statistics (admin keys only).
  public var admin: SoukAdminV1.AdminService.Client { .init(wrapping: self.rpc) }

  /// Connects (lazily, at the first call) to the server at `address` (`host:port`) with the API key `key`.
  ///
  /// - Throws: ``SoukClientError`` when the address cannot be parsed, a TLS error when the CA file cannot be
  ///   loaded.
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
    configuration.backoff = options.backoff
    configuration.defaultMetadata = ["authorization": .string("Bearer \(key)")]
    configuration.retryPolicy = RetryPolicy(
      maxAttempts: options.maxAttempts,
      backoff: options.backoff,
      deadline: options.timeout
    )
    self.address = parsed
    self.rpc = try RPCClient(configuration: configuration)
    self.options = options
  }

  /// Starts closing the connection; calls in flight finish.
  public func close() {
    self.rpc.close()
  }

  /// Calls a unary method with the client's key (and retries, when the method is idempotent).
  public func call<M: RPCMethod>(_ method: M.Type, _ request: M.Input) async throws -> M.Output {
    try await self.rpc.unary(method, request: request)
  }

  /// Calls a server-streaming method with the client's key and hands its responses to `body`.
  public func stream<M: RPCMethod, R: Sendable>(
    _ method: M.Type,
    _ request: M.Input,
    _ body: @escaping @Sendable (RPCResponseStream<M.Output>) async throws -> R
  ) async throws -> R {
    try await self.rpc.serverStreaming(method, request: request, onResponse: body)
  }

  /// Calls a client-streaming method with the client's key; `produce` writes the requests. Never retried.
  public func upload<M: RPCMethod>(
    _ method: M.Type,
    _ produce: @escaping @Sendable (RPCWriter<M.Input>) async throws -> Void
  ) async throws -> M.Output {
    try await self.rpc.clientStreaming(method, requestProducer: produce)
  }
}
