extension Resolver {
  /// Checks one service and builds its model.
  mutating func resolveService(_ service: ServiceSyntax, in context: FileContext) -> ServiceDecl {
    var scope = NameScope()
    let methods = service.methods.map { method in
      report(scope.declare(method.name.value, kind: "method", at: method.name.location, in: [.value]))
      let input = resolveRPCType(method.input, role: "input", in: context)
      let output = resolveRPCType(method.output, role: "output", in: context)
      if method.roles == nil {
        error(
          "method '\(method.name.value)' has no 'option roles'; every rpc must say who may call it, "
            + "e.g. 'option roles = [admin];'",
          at: method.name.location)
      }
      // A missing type was reported; the placeholder only keeps the (discarded) model well-formed.
      let placeholder = TypeName(package: context.package, path: [method.name.value])
      return MethodDecl(
        name: method.name.value, input: input ?? placeholder, output: output ?? placeholder,
        clientStreaming: method.clientStreaming, serverStreaming: method.serverStreaming,
        roles: Set(method.roles ?? []), isIdempotent: method.isIdempotent, isDeprecated: method.isDeprecated,
        documentation: Documentation(lines: method.documentation), location: method.name.location)
    }
    return ServiceDecl(
      name: TypeName(package: context.package, path: [service.name.value]), methods: methods,
      isDeprecated: service.isDeprecated, documentation: Documentation(lines: service.documentation),
      location: service.name.location)
  }

  /// An rpc's input or output: must name a message.
  private mutating func resolveRPCType(_ type: TypeSyntax, role: String, in context: FileContext) -> TypeName? {
    guard case .named(let reference) = type else {
      error("rpc \(role) type '\(type.spelling)' is not a message; wrap it in a message", at: type.location)
      return nil
    }
    guard let symbol = lookUp(reference, in: context, scope: []) else { return nil }
    guard symbol.kind == .message else {
      let kind = symbol.kind == .enumeration ? "an enum" : "a service"
      error(
        "rpc \(role) type '\(reference.spelling)' is \(kind); an rpc's input and output must be messages",
        at: reference.location)
      return nil
    }
    return symbol.name
  }
}
