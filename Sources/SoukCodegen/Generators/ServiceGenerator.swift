import SoukSchema

/// Generates a service: a namespace enum holding the `ServiceDescriptor`; per method an enum conforming to
/// `RPCMethod`, with `Input` and `Output` typealiases and a `MethodDescriptor`; the server protocol
/// (``ServerProtocolGenerator``) and the typed client (``ClientGenerator``).
///
/// The server protocol and the client refer to the method enums (`Method.GetProduct.self`, `.Input`), so a router
/// or a client never repeats a method's name, types or roles.
struct ServiceGenerator {
  let service: ServiceDecl

  var typeName: String { SwiftNaming.typeName(service.name.simpleName) }

  func print(into printer: inout CodePrinter) {
    let methodNames = service.methods.map { SwiftNaming.typeName($0.name) }
    printer.blankLine()
    printer.documentation(service.documentation.lines, deprecated: service.isDeprecated)
    printer.block("public enum \(typeName) {") { printer in
      printer.line("/// The service's fully qualified name, as callers address it.")
      printer.line("public static let fullName = \"\(service.name.fullName)\"")
      printer.blankLine()
      printer.line("/// The service and all its methods, in schema order.")
      if methodNames.isEmpty {
        printer.line("public static let descriptor = ServiceDescriptor(fullName: fullName, methods: [])")
      } else {
        printer.block("public static let descriptor = ServiceDescriptor(", closer: ")") { printer in
          printer.line("fullName: fullName,")
          printer.block("methods: [", closer: "]") { printer in
            for name in methodNames { printer.line("Method.\(name).descriptor,") }
          }
        }
      }
      printer.blankLine()
      printer.line("/// One namespace per method, with its message types and descriptor.")
      printer.block("public enum Method {") { printer in
        for (method, name) in zip(service.methods, methodNames) {
          printMethod(method, typeName: name, into: &printer)
        }
      }
      ServerProtocolGenerator(service: service).printProtocol(into: &printer)
      ClientGenerator(service: service).print(into: &printer)
    }
  }

  /// Prints what must live at file scope: the server protocol's extension registering the methods.
  func printFileScopeDeclarations(into printer: inout CodePrinter) {
    ServerProtocolGenerator(service: service).printRegistration(into: &printer)
  }

  private func printMethod(_ method: MethodDecl, typeName: String, into printer: inout CodePrinter) {
    printer.blankLine()
    printer.documentation(method.documentation.lines, deprecated: method.isDeprecated)
    printer.block("public enum \(typeName): RPCMethod {") { printer in
      printer.line("public typealias Input = \(SwiftNaming.qualifiedName(of: method.input))")
      printer.line("public typealias Output = \(SwiftNaming.qualifiedName(of: method.output))")
      printer.blankLine()
      printer.block("public static let descriptor = MethodDescriptor(", closer: ")") { printer in
        printer.line("service: \(typeNameReference).fullName,")
        printer.line("name: \"\(method.name)\",")
        printer.line("kind: .\(CallKind(of: method).rawValue),")
        printer.line("inputType: Input.fullName,")
        printer.line("outputType: Output.fullName,")
        printer.line("roles: [\(method.roles.sorted().map { "\"\($0.rawValue)\"" }.joined(separator: ", "))],")
        printer.line("isIdempotent: \(method.isIdempotent),")
        printer.line("isDeprecated: \(method.isDeprecated)")
      }
    }
  }

  /// The service enum as written from inside a method enum.
  private var typeNameReference: String { SwiftNaming.qualifiedName(of: service.name) }
}
