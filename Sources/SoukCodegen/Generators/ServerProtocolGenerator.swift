import SoukSchema

/// Generates a service's server side: `ServiceProtocol`, nested in the service enum, with one `async` requirement
/// per method, and a protocol extension (at file scope) that registers each requirement with an `RPCRouter`.
///
/// An implementation writes only the methods; the extension fulfils `RPCService.registerMethods(with:)`:
///
///     protocol ServiceProtocol: RPCService {
///       func getProduct(request: Method.GetProduct.Input, context: ServerContext) async throws
///         -> Method.GetProduct.Output
///     }
///     extension SoukCatalogV1.CatalogService.ServiceProtocol {
///       public func registerMethods(with router: inout RPCRouter) {
///         router.register(SoukCatalogV1.CatalogService.Method.GetProduct.self, unary: {
///           try await self.getProduct(request: $0, context: $1)
///         })
///       }
///     }
struct ServerProtocolGenerator {
  let service: ServiceDecl

  /// Prints the protocol; called inside the service enum.
  func printProtocol(into printer: inout CodePrinter) {
    printer.blankLine()
    printer.line("/// The server side of `\(service.name.fullName)`: one requirement per method.")
    printer.line("///")
    printer.line("/// Implement the methods and pass an instance to the server; `registerMethods(with:)` comes from a")
    printer.line("/// protocol extension. Throw an `RPCError` to end a call with a status other than `ok`.")
    printer.block("public protocol ServiceProtocol: RPCService {") { printer in
      for method in service.methods {
        printer.blankLine()
        printer.documentation(MethodDocumentation.lines(of: method), deprecated: method.isDeprecated)
        printRequirement(method, into: &printer)
      }
    }
  }

  private func printRequirement(_ method: MethodDecl, into printer: inout CodePrinter) {
    let kind = CallKind(of: method)
    let types = "Method.\(SwiftNaming.typeName(method.name))"
    var parameters = [kind.streamsRequests ? "request: RPCAsyncSequence<\(types).Input>" : "request: \(types).Input"]
    if kind.streamsResponses { parameters.append("response: RPCWriter<\(types).Output>") }
    parameters.append("context: ServerContext")
    let result = kind.streamsResponses ? "async throws" : "async throws -> \(types).Output"
    printer.block("func \(SwiftNaming.methodFunctionName(method.name))(", closer: ") \(result)") { printer in
      printer.commaSeparatedLines(parameters)
    }
  }

  /// Prints the extension registering every method; called at file scope, after the namespace extension.
  func printRegistration(into printer: inout CodePrinter) {
    let serviceName = SwiftNaming.qualifiedName(of: service.name)
    printer.blankLine()
    printer.block("extension \(serviceName).ServiceProtocol {") { printer in
      printer.line(
        "/// Registers every method of `\(service.name.fullName)` with `router`, each calling its requirement.")
      printer.block("public func registerMethods(with router: inout RPCRouter) {") { printer in
        for method in service.methods {
          printRegister(method, into: &printer)
        }
      }
    }
  }

  private func printRegister(_ method: MethodDecl, into printer: inout CodePrinter) {
    let kind = CallKind(of: method)
    let arguments =
      kind.streamsResponses ? "request: $0, response: $1, context: $2" : "request: $0, context: $1"
    let function = SwiftNaming.methodFunctionName(method.name)
    // An extension of a nested protocol does not see the enclosing enum's members: `Method` is qualified.
    let methodType = "\(SwiftNaming.qualifiedName(of: service.name)).Method.\(SwiftNaming.typeName(method.name))"
    let opener = "router.register(\(methodType).self, \(kind.rawValue): {"
    printer.block(opener, closer: "})") { printer in
      printer.line("try await self.\(function)(\(arguments))")
    }
  }
}
