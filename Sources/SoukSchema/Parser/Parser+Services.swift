extension Parser {
  /// `service Name { rpc ...; option deprecated = true; }`
  mutating func parseService() throws(SyntaxError) -> ServiceSyntax {
    let documentation = current.documentation
    advance()  // `service`
    let name = try expectIdentifier("a service name after 'service'")
    let opening = try expect("{", "after the service name")
    var service = ServiceSyntax(name: name, documentation: documentation)
    var hasDeprecatedOption = false
    parseBlock(opening: opening, "service '\(name.value)'") { (parser: inout Parser) throws(SyntaxError) in
      if parser.current.isSymbol(";") {
        parser.advance()
      } else if parser.current.isWord("option") {
        if let value = try parser.parseDeprecationOption(in: "service", isRepeated: &hasDeprecatedOption) {
          service.isDeprecated = value
        }
      } else if parser.current.isWord("rpc") {
        service.methods.append(try parser.parseMethod())
      } else {
        throw parser.fail(expected: "'rpc' or 'option'")
      }
    }
    return service
  }

  /// `rpc Name([stream] In) returns ([stream] Out) { option ...; }`
  private mutating func parseMethod() throws(SyntaxError) -> MethodSyntax {
    let documentation = current.documentation
    advance()  // `rpc`
    let name = try expectIdentifier("a method name after 'rpc'")
    try expect("(", "after the method name")
    let clientStreaming = consumeStream()
    let input = try parseType()
    try expect(")", "after the input type")
    var serverStreaming = consumeMisplacedStream()
    try expectWord("returns", "after the input type")
    serverStreaming = consumeMisplacedStream() || serverStreaming
    try expect("(", "after 'returns'")
    serverStreaming = consumeStream() || serverStreaming
    let output = try parseType()
    try expect(")", "after the output type")
    var method = MethodSyntax(
      name: name, documentation: documentation, input: input, clientStreaming: clientStreaming, output: output,
      serverStreaming: serverStreaming)
    if consume(";") { return method }
    let opening = try expect("{", "after the method's output type")
    var seen: Set<String> = []
    parseBlock(opening: opening, "rpc '\(name.value)'") { (parser: inout Parser) throws(SyntaxError) in
      if parser.current.isSymbol(";") {
        parser.advance()
      } else if parser.current.isWord("option") {
        try parser.parseMethodOption(into: &method, seen: &seen)
      } else {
        throw parser.fail(expected: "'option'")
      }
    }
    return method
  }

  /// `stream` right after an rpc's `(`.
  private mutating func consumeStream() -> Bool {
    guard current.isWord("stream"), peek(1).kind == .identifier || peek(1).isSymbol(".") else { return false }
    advance()
    return true
  }

  /// `stream` written before `returns` or before the output's `(`: reported, then read as server streaming.
  private mutating func consumeMisplacedStream() -> Bool {
    guard current.isWord("stream"), peek(1).isSymbol("(") || peek(1).isWord("returns") else { return false }
    error("'stream' goes inside the parentheses: 'returns (stream Output)'", at: current.location)
    advance()
    return true
  }

  /// `option roles = [...];`, `option idempotent = true;` or `option deprecated = true;`.
  private mutating func parseMethodOption(
    into method: inout MethodSyntax, seen: inout Set<String>
  ) throws(SyntaxError) {
    advance()  // `option`
    let name = try expectIdentifier("an option name after 'option'")
    try expect("=", "after the option name")
    let isKnown = ["roles", "idempotent", "deprecated"].contains(name.value)
    if isKnown && !seen.insert(name.value).inserted {
      error("option '\(name.value)' is set twice", at: name.location)
    }
    switch name.value {
    case "roles":
      method.roles = []  // present, even if the list turns out malformed: no second "no roles" error
      method.roles = try parseRoles()
    case "idempotent": method.isIdempotent = try expectBool()
    case "deprecated": method.isDeprecated = try expectBool()
    default:
      error(
        "unknown method option '\(name.value)'; expected 'roles', 'idempotent' or 'deprecated'", at: name.location)
      skipOptionValue()
    }
    try expectSemicolon(after: "the option")
  }

  /// `[partner, admin]`
  private mutating func parseRoles() throws(SyntaxError) -> [Role] {
    let opening = try expect("[", "to start the list of roles, e.g. '[partner, admin]'")
    if consume("]") {
      error("'roles' needs at least one role, e.g. 'option roles = [admin];'", at: opening.location)
      return []
    }
    var roles: [Role] = []
    repeat {
      let name = try expectIdentifier("a role")
      if let role = Role(rawValue: name.value) {
        if roles.contains(role) {
          error("role '\(name.value)' is listed twice", at: name.location)
        } else {
          roles.append(role)
        }
      } else {
        error(
          "unknown role '\(name.value)'; expected 'public', 'admin', 'partner' or 'cooperative'", at: name.location)
      }
    } while consume(",")
    try expect("]", "to close the list of roles")
    return roles
  }
}
