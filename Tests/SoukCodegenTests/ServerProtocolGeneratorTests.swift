import SoukCodegen
import SoukSchema
import Testing

@Suite("Server protocol generation")
struct ServerProtocolGeneratorTests {
  typealias M = Models

  @Test func filesWithServicesImportSoukRPC() {
    expectSnippet("public import SoukRPC\npublic import SoukWire", in: M.generateServices())
    let withoutServices = M.generate(messages: [M.message("Request")])
    #expect(!withoutServices.contains("SoukRPC"))
  }

  @Test func everyKindOfMethodBecomesARequirement() {
    let output = M.generateServices()
    expectSnippet(
      """
      /// The server side of `souk.test.v1.CatalogService`: one requirement per method.
      ///
      /// Implement the methods and pass an instance to the server; `registerMethods(with:)` comes from a
      /// protocol extension. Throw an `RPCError` to end a call with a status other than `ok`.
      public protocol ServiceProtocol: RPCService {
        /// Gets one product.
        ///
        /// Allowed roles: `public`, `partner`. Idempotent.
        func getProduct(
          request: Method.GetProduct.Input,
          context: ServerContext
        ) async throws -> Method.GetProduct.Output

        /// Allowed roles: `admin`. Not idempotent.
        ///
        /// - Warning: Deprecated in the schema; avoid it in new code.
        func watch(
          request: Method.Watch.Input,
          response: RPCWriter<Method.Watch.Output>,
          context: ServerContext
        ) async throws

        /// Allowed roles: `cooperative`. Not idempotent.
        func upload(
          request: RPCAsyncSequence<Method.Upload.Input>,
          context: ServerContext
        ) async throws -> Method.Upload.Output

        /// Allowed roles: `admin`, `cooperative`. Not idempotent.
        func chat(
          request: RPCAsyncSequence<Method.Chat.Input>,
          response: RPCWriter<Method.Chat.Output>,
          context: ServerContext
        ) async throws
      }
      """, in: output)
  }

  @Test func anExtensionRegistersEveryMethodWithItsKind() {
    let output = M.generateServices()
    // At file scope, after the namespace extension: an extension cannot be nested.
    expectSnippet(
      """
        }
      }

      extension SoukTestV1.CatalogService.ServiceProtocol {
        /// Registers every method of `souk.test.v1.CatalogService` with `router`, each calling its requirement.
        public func registerMethods(with router: inout RPCRouter) {
          router.register(SoukTestV1.CatalogService.Method.GetProduct.self, unary: {
            try await self.getProduct(request: $0, context: $1)
          })
          router.register(SoukTestV1.CatalogService.Method.Watch.self, serverStreaming: {
            try await self.watch(request: $0, response: $1, context: $2)
          })
          router.register(SoukTestV1.CatalogService.Method.Upload.self, clientStreaming: {
            try await self.upload(request: $0, context: $1)
          })
          router.register(SoukTestV1.CatalogService.Method.Chat.self, bidirectionalStreaming: {
            try await self.chat(request: $0, response: $1, context: $2)
          })
        }
      }
      """, in: output)
    #expect(output.hasSuffix("  }\n}\n"))
  }

  @Test func methodNamesThatClashAreEscapedEverywhere() {
    let service = ServiceDecl(
      name: M.name("Odd"),
      methods: ["RegisterMethods", "Default", "rpc_client"].map {
        MethodDecl(name: $0, input: M.name("Request"), output: M.name("Reply"), roles: [.admin], location: M.location)
      },
      location: M.location)
    let output = M.generateServices([service])
    expectSnippet("func registerMethods_(\nrequest: Method.RegisterMethods.Input,", in: output)
    expectSnippet("try await self.registerMethods_(request: $0, context: $1)", in: output)
    expectSnippet("public func registerMethods_(\n_ request: Method.RegisterMethods.Input,", in: output)
    expectSnippet("func `default`(\nrequest: Method.Default.Input,", in: output)
    expectSnippet("try await self.`default`(request: $0, context: $1)", in: output)
    expectSnippet("public func rpcClient_(\n_ request: Method.RpcClient.Input,", in: output)
  }

  @Test func aServiceWithoutMethodsStillConforms() {
    let service = ServiceDecl(name: M.name("Quiet"), methods: [], location: M.location)
    let output = M.generateServices([service])
    expectSnippet("public protocol ServiceProtocol: RPCService {\n}", in: output)
    expectSnippet("public func registerMethods(with router: inout RPCRouter) {\n}", in: output)
  }
}
