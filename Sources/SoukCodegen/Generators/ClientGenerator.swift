import SoukSchema

/// Generates a service's typed client: `Client`, nested in the service enum, wrapping an `RPCClient` with one
/// `async` function per method that passes the method's enum, so a call cannot pair a method with wrong types.
///
/// Unary and server-streaming functions take the request; client- and bidirectional-streaming ones take a
/// `requestProducer` that writes the requests. Streaming responses are handed to `onResponse`, whose result the
/// function returns. Every function takes request `metadata` and `options`, both defaulted.
struct ClientGenerator {
  let service: ServiceDecl

  /// Prints the client; called inside the service enum.
  func print(into printer: inout CodePrinter) {
    printer.blankLine()
    printer.line("/// Calls `\(service.name.fullName)` through an `RPCClient`: one function per method.")
    printer.block("public struct Client: Sendable {") { printer in
      printer.line("/// The client that makes the calls.")
      printer.line("public let rpcClient: RPCClient")
      printer.blankLine()
      printer.line("/// Creates a client that calls the service through `rpcClient`.")
      printer.block("public init(wrapping rpcClient: RPCClient) {") { printer in
        printer.line("self.rpcClient = rpcClient")
      }
      for method in service.methods {
        printer.blankLine()
        printFunction(method, into: &printer)
      }
    }
  }

  private func printFunction(_ method: MethodDecl, into printer: inout CodePrinter) {
    let kind = CallKind(of: method)
    let types = "Method.\(SwiftNaming.typeName(method.name))"
    var parameters: [String] = []
    var arguments = ["\(types).self"]
    if !kind.streamsRequests {
      parameters.append("_ request: \(types).Input")
      arguments.append("request: request")
    }
    parameters += ["metadata: Metadata = [:]", "options: CallOptions = .defaults"]
    arguments += ["metadata: metadata", "options: options"]
    if kind.streamsRequests {
      parameters.append("requestProducer: @escaping @Sendable (RPCWriter<\(types).Input>) async throws -> Void")
      arguments.append("requestProducer: requestProducer")
    }
    if kind.streamsResponses {
      parameters.append("onResponse: @escaping @Sendable (RPCResponseStream<\(types).Output>) async throws -> R")
      arguments.append("onResponse: onResponse")
    }
    let generics = kind.streamsResponses ? "<R: Sendable>" : ""
    let result = kind.streamsResponses ? "R" : "\(types).Output"

    printer.documentation(MethodDocumentation.lines(of: method), deprecated: method.isDeprecated)
    // Callers of a deprecated method get a warning; the generated code itself never calls the client.
    if method.isDeprecated { printer.line("@available(*, deprecated)") }
    let opener = "public func \(SwiftNaming.methodFunctionName(method.name))\(generics)("
    printer.block(opener, closer: ") async throws -> \(result) {") { printer in
      printer.commaSeparatedLines(parameters)
    }
    printer.indented { printer in
      printer.block("try await self.rpcClient.\(kind.rawValue)(", closer: ")") { printer in
        printer.commaSeparatedLines(arguments)
      }
    }
    printer.line("}")
  }
}
