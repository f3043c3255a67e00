extension Parser {
  /// `enum Name { VALUE = 0; ... }`
  mutating func parseEnum() throws(SyntaxError) -> EnumSyntax {
    let documentation = current.documentation
    advance()  // `enum`
    let name = try expectIdentifier("an enum name after 'enum'")
    let opening = try expect("{", "after the enum name")
    var declaration = EnumSyntax(name: name, documentation: documentation)
    var hasDeprecatedOption = false
    parseBlock(opening: opening, "enum '\(name.value)'") { (parser: inout Parser) throws(SyntaxError) in
      // `option` and `reserved` followed by `=` are value names, not keywords.
      let isKeyword = !parser.peek(1).isSymbol("=")
      if parser.current.isSymbol(";") {
        parser.advance()
      } else if parser.current.isWord("option") && isKeyword {
        if let value = try parser.parseDeprecationOption(in: "enum", isRepeated: &hasDeprecatedOption) {
          declaration.isDeprecated = value
        }
      } else if parser.current.isWord("reserved") && isKeyword {
        declaration.reserved.append(try parser.parseReserved())
      } else {
        do throws(SyntaxError) {
          guard parser.current.kind == .identifier else {
            throw parser.fail(expected: "an enum value, 'reserved' or 'option'")
          }
          declaration.values.append(try parser.parseEnumValue())
        } catch {
          declaration.hasSyntaxErrors = true
          throw error
        }
      }
    }
    return declaration
  }

  /// `NAME = number [deprecated = true];`
  private mutating func parseEnumValue() throws(SyntaxError) -> EnumSyntax.Value {
    let documentation = current.documentation
    let name = try expectIdentifier("an enum value name")
    try expect("=", "after the enum value name")
    let number = try expectInteger("a number after '='")
    let isDeprecated = try parseFieldOptions()
    try expectSemicolon(after: "enum value '\(name.value)'")
    return EnumSyntax.Value(name: name, number: number, isDeprecated: isDeprecated, documentation: documentation)
  }
}
