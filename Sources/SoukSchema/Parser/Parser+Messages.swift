extension Parser {
  /// `message Name { ... }`
  mutating func parseMessage() throws(SyntaxError) -> MessageSyntax {
    try nested("messages are") { (parser: inout Parser) throws(SyntaxError) in try parser.parseMessageBody() }
  }

  private mutating func parseMessageBody() throws(SyntaxError) -> MessageSyntax {
    let documentation = current.documentation
    advance()  // `message`
    let name = try expectIdentifier("a message name after 'message'")
    let opening = try expect("{", "after the message name")
    var message = MessageSyntax(name: name, documentation: documentation)
    var hasDeprecatedOption = false
    parseBlock(opening: opening, "message '\(name.value)'") { (parser: inout Parser) throws(SyntaxError) in
      try parser.parseMessageMember(into: &message, hasDeprecatedOption: &hasDeprecatedOption)
    }
    return message
  }

  private mutating func parseMessageMember(
    into message: inout MessageSyntax, hasDeprecatedOption: inout Bool
  ) throws(SyntaxError) {
    if current.isSymbol(";") {
      advance()
    } else if current.isWord("message") {
      message.messages.append(try parseMessage())
    } else if current.isWord("enum") {
      message.enums.append(try parseEnum())
    } else if current.isWord("oneof") {
      try parseOneof(into: &message)
    } else if current.isWord("reserved") {
      message.reserved.append(try parseReserved())
    } else if current.isWord("option") {
      if let value = try parseDeprecationOption(in: "message", isRepeated: &hasDeprecatedOption) {
        message.isDeprecated = value
      }
    } else if let misplaced = misplacedDeclaration(["rpc", "service", "import", "package"]) {
      throw misplaced
    } else if isAtTypeStart {
      message.fields.append(try parseField(inOneof: nil))
    } else {
      throw fail(expected: "a field, 'message', 'enum', 'oneof', 'reserved' or 'option'")
    }
  }

  /// `oneof name { Type field = n; ... }`; the members are appended to the message's fields.
  private mutating func parseOneof(into message: inout MessageSyntax) throws(SyntaxError) {
    let documentation = current.documentation
    advance()  // `oneof`
    let name = try expectIdentifier("a oneof name after 'oneof'")
    let opening = try expect("{", "after the oneof name")
    var oneof = OneofSyntax(name: name, documentation: documentation)
    parseBlock(opening: opening, "oneof '\(name.value)'") { (parser: inout Parser) throws(SyntaxError) in
      if parser.current.isSymbol(";") {
        parser.advance()
        return
      }
      do throws(SyntaxError) {
        if let misplaced = parser.misplacedDeclaration(["message", "enum", "oneof", "reserved", "option"]) {
          throw misplaced
        }
        guard parser.isAtTypeStart else { throw parser.fail(expected: "a oneof field") }
        let field = try parser.parseField(inOneof: name.value)
        message.fields.append(field)
        oneof.fieldNames.append(field.name.value)
      } catch {
        oneof.hasSyntaxErrors = true
        throw error
      }
    }
    message.oneofs.append(oneof)
  }

  /// Reports a declaration keyword (one of `keywords`) used where it is not allowed, e.g. an `rpc` in a
  /// message; `nil` when the current token does not start one (`rpc x = 1;` is a field of type `rpc`, but
  /// `option x = ...` is always an option).
  private mutating func misplacedDeclaration(_ keywords: [String]) -> SyntaxError? {
    guard current.kind == .identifier, keywords.contains(current.text),
      !peek(2).isSymbol("=") || current.text == "option"
    else { return nil }
    let keyword = current.text
    let message =
      switch keyword {
      case "rpc": "an rpc must be declared inside a service"
      case "service": "a service must be declared at the top level of a file"
      case "import", "package": "'\(keyword)' must be at the top of the file"
      default: "a oneof can only hold fields; write this '\(keyword)' next to the oneof, in the message"
      }
    error(message, at: current.location)
    return SyntaxError()
  }

  /// `[optional|repeated] Type name = n [options];` or `map<K, V> name = n [options];`.
  private mutating func parseField(inOneof oneof: String?) throws(SyntaxError) -> FieldSyntax {
    let documentation = current.documentation
    var label = FieldDecl.Label.singular
    var labelToken: Token?
    if current.isWord("optional") || current.isWord("repeated") {
      let token = advance()
      labelToken = token
      if oneof != nil {
        error(
          token.text == "optional"
            ? "'optional' is not allowed in a oneof; a oneof field already has presence"
            : "'repeated' is not allowed in a oneof; wrap the list in a message",
          at: token.location)
      } else {
        label = token.text == "optional" ? .optional : .repeated
      }
    }
    let type: TypeSyntax
    if current.isWord("map") && peek(1).isSymbol("<") {
      if oneof != nil {
        error("map fields are not allowed in a oneof; wrap the map in a message", at: current.location)
      } else if let labelToken {
        error(
          "'\(labelToken.text)' cannot be used on a map field; a map is already a collection with no presence",
          at: labelToken.location)
        label = .singular
      }
      type = try parseMapType()
    } else {
      type = try parseType()
    }
    let name = try expectIdentifier("a field name after the type '\(type.spelling)'")
    try expect("=", "after the field name")
    let number = try expectInteger("a field number after '='")
    let isDeprecated = try parseFieldOptions()
    try expectSemicolon(after: "field '\(name.value)'")
    return FieldSyntax(
      name: name, number: number, label: label, type: type, oneof: oneof, isDeprecated: isDeprecated,
      documentation: documentation)
  }

  /// A scalar type, a (possibly qualified) type name, or a map type.
  mutating func parseType() throws(SyntaxError) -> TypeSyntax {
    if current.isWord("stream") && (peek(1).kind == .identifier || peek(1).isSymbol(".")) && !peek(2).isSymbol("=") {
      error(
        "'stream' is only allowed in an rpc's parentheses, e.g. 'rpc Watch(WatchRequest) returns (stream Event)'",
        at: current.location)
      advance()
    }
    if current.isWord("map") && peek(1).isSymbol("<") { return try parseMapType() }
    if current.kind == .identifier, let scalar = ScalarType(rawValue: current.text), !peek(1).isSymbol(".") {
      return .scalar(scalar, advance().location)
    }
    let start = current.location
    let isFullyQualified = consume(".")
    var isMalformed = current.isMalformed
    var components = [try expectIdentifier("a type").value]
    while current.isSymbol(".") {
      advance()
      isMalformed = isMalformed || current.isMalformed
      components.append(try expectIdentifier("a type name after '.'").value)
    }
    return .named(
      TypeReference(
        components: components, isFullyQualified: isFullyQualified, location: start, isMalformed: isMalformed))
  }

  /// `map<K, V>`; the key and value are checked by the resolver, except a map value which is reported here.
  private mutating func parseMapType() throws(SyntaxError) -> TypeSyntax {
    try nested("map types are") { (parser: inout Parser) throws(SyntaxError) in try parser.parseMapTypeBody() }
  }

  private mutating func parseMapTypeBody() throws(SyntaxError) -> TypeSyntax {
    let keyword = advance()  // `map`
    advance()  // `<`
    let key = try parseType()
    try expect(",", "between the map's key and value types")
    if current.isWord("map") && peek(1).isSymbol("<") {
      error("map values cannot be maps; wrap the inner map in a message", at: current.location)
    }
    let value = try parseType()
    try expect(">", "to close the map type")
    return .map(key: key, value: value, keyword.location)
  }

  /// `[deprecated = true]` after a field or an enum value; returns whether it is deprecated.
  mutating func parseFieldOptions() throws(SyntaxError) -> Bool {
    guard consume("[") else { return false }
    var isDeprecated = false
    var hasDeprecated = false
    repeat {
      let name = try expectIdentifier("an option name")
      try expect("=", "after the option name")
      if name.value == "deprecated" {
        if hasDeprecated { error("option 'deprecated' is set twice", at: name.location) }
        hasDeprecated = true
        isDeprecated = try expectBool()
      } else {
        error("unknown field option '\(name.value)'; the only field option is 'deprecated'", at: name.location)
        if !current.isSymbol(",") && !current.isSymbol("]") { advance() }
      }
    } while consume(",")
    try expect("]", "to close the field options")
    return isDeprecated
  }
}
