import SoukCodegen
import SoukSchema
import Testing

@Suite("Client generation")
struct ClientGeneratorTests {
  typealias M = Models

  @Test func theClientWrapsAnRPCClient() {
    expectSnippet(
      """
      /// Calls `souk.test.v1.CatalogService` through an `RPCClient`: one function per method.
      public struct Client: Sendable {
        /// The client that makes the calls.
        public let rpcClient: RPCClient

        /// Creates a client that calls the service through `rpcClient`.
        public init(wrapping rpcClient: RPCClient) {
          self.rpcClient = rpcClient
        }
      """, in: M.generateServices())
  }

  @Test func unaryFunctionsTakeTheRequestAndReturnTheResponse() {
    expectSnippet(
      """
      /// Gets one product.
      ///
      /// Allowed roles: `public`, `partner`. Idempotent.
      public func getProduct(
        _ request: Method.GetProduct.Input,
        metadata: Metadata = [:],
        options: CallOptions = .defaults
      ) async throws -> Method.GetProduct.Output {
        try await self.rpcClient.unary(
          Method.GetProduct.self,
          request: request,
          metadata: metadata,
          options: options
        )
      }
      """, in: M.generateServices())
  }

  @Test func serverStreamingFunctionsHandTheResponsesToACallback() {
    expectSnippet(
      """
      /// Allowed roles: `admin`. Not idempotent.
      ///
      /// - Warning: Deprecated in the schema; avoid it in new code.
      @available(*, deprecated)
      public func watch<R: Sendable>(
        _ request: Method.Watch.Input,
        metadata: Metadata = [:],
        options: CallOptions = .defaults,
        onResponse: @escaping @Sendable (RPCResponseStream<Method.Watch.Output>) async throws -> R
      ) async throws -> R {
        try await self.rpcClient.serverStreaming(
          Method.Watch.self,
          request: request,
          metadata: metadata,
          options: options,
          onResponse: onResponse
        )
      }
      """, in: M.generateServices())
  }

  @Test func clientStreamingFunctionsTakeARequestProducer() {
    expectSnippet(
      """
      /// Allowed roles: `cooperative`. Not idempotent.
      public func upload(
        metadata: Metadata = [:],
        options: CallOptions = .defaults,
        requestProducer: @escaping @Sendable (RPCWriter<Method.Upload.Input>) async throws -> Void
      ) async throws -> Method.Upload.Output {
        try await self.rpcClient.clientStreaming(
          Method.Upload.self,
          metadata: metadata,
          options: options,
          requestProducer: requestProducer
        )
      }
      """, in: M.generateServices())
  }

  @Test func bidirectionalFunctionsTakeBoth() {
    expectSnippet(
      """
      /// Allowed roles: `admin`, `cooperative`. Not idempotent.
      public func chat<R: Sendable>(
        metadata: Metadata = [:],
        options: CallOptions = .defaults,
        requestProducer: @escaping @Sendable (RPCWriter<Method.Chat.Input>) async throws -> Void,
        onResponse: @escaping @Sendable (RPCResponseStream<Method.Chat.Output>) async throws -> R
      ) async throws -> R {
        try await self.rpcClient.bidirectionalStreaming(
          Method.Chat.self,
          metadata: metadata,
          options: options,
          requestProducer: requestProducer,
          onResponse: onResponse
        )
      }
      """, in: M.generateServices())
  }
}
