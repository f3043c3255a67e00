extension Parser {
  /// `option deprecated = true;` in a message, enum or service (`what`); returns the value, or `nil` for an
  /// unknown option (reported). `isRepeated` tracks whether the option was already set in this declaration.
  mutating func parseDeprecationOption(in what: String, isRepeated: inout Bool) throws(SyntaxError) -> Bool? {
    advance()  // `option`
    let name = try expectIdentifier("an option name after 'option'")
    try expect("=", "after the option name")
    guard name.value == "deprecated" else {
      let hint =
        what == "service" && ["roles", "idempotent"].contains(name.value)
        ? "'\(name.value)' is set on each rpc, inside its braces"
        : "the only \(what) option is 'deprecated'"
      error("unknown \(what) option '\(name.value)'; \(hint)", at: name.location)
      skipOptionValue()
      try expectSemicolon(after: "the option")
      return nil
    }
    if isRepeated { error("option 'deprecated' is set twice", at: name.location) }
    isRepeated = true
    let value = try expectBool()
    try expectSemicolon(after: "the option")
    return value
  }

  /// Skips the value of an unknown option, up to its `;` (not consumed).
  mutating func skipOptionValue() {
    while !current.isSymbol(";") && !isAtBlockEnd { advance() }
  }
}
