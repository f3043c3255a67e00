extension Parser {
  /// `reserved 1, 4 to 9, 20 to max;` or `reserved "a", "b";`
  mutating func parseReserved() throws(SyntaxError) -> ReservedSyntax {
    let keyword = advance()  // `reserved`
    var reserved = ReservedSyntax(location: keyword.location)
    let mixed = "a 'reserved' statement lists either numbers or names, not both; split it in two"
    if current.kind == .string {
      repeat {
        guard current.kind == .string else {
          if current.kind == .integer {
            error(mixed, at: current.location)
            throw SyntaxError()
          }
          throw fail(expected: "a reserved name in quotes")
        }
        let token = advance()
        if !token.isMalformed && !token.text.isValidIdentifier {
          error("reserved name \"\(token.text)\" is not a valid identifier", at: token.location)
        }
        reserved.names.append(Located(token.text, at: token.location))
      } while consume(",")
    } else {
      repeat {
        guard current.kind == .integer else {
          if current.kind == .string {
            error(mixed, at: current.location)
            throw SyntaxError()
          }
          throw fail(expected: "a number or a quoted name after 'reserved'")
        }
        let start = try expectInteger("a number")
        var end = ReservedSyntax.Range.End.same
        if current.isWord("to") {
          advance()
          if current.isWord("max") {
            end = .max(advance().location)
          } else {
            end = .number(try expectInteger("a number or 'max' after 'to'"))
          }
        }
        reserved.ranges.append(ReservedSyntax.Range(start: start, end: end))
      } while consume(",")
    }
    try expectSemicolon(after: "the reserved list")
    return reserved
  }
}
