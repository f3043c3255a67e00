/// A recursive-descent parser for one `.souk` file, following the grammar in `Protocol/SPEC.md`.
///
/// On a syntax error it records a diagnostic, skips to the end of the statement (the next `;`, or past a
/// balanced `{ ... }` block, or up to the `}` closing the enclosing block) and continues, so one run reports
/// every independent mistake.
struct Parser {
  let path: String
  private let tokens: [Token]
  private var position = 0
  private(set) var diagnostics: [Diagnostic]
  /// How many messages or map types enclose the current token; bounded so hostile input cannot exhaust the stack.
  private var nestingDepth = 0
  static let maxNestingDepth = 64

  init(path: String, text: String) {
    var lexer = Lexer(file: path, text: text)
    self.path = path
    self.tokens = lexer.tokenize()
    self.diagnostics = lexer.diagnostics
  }

  // MARK: - Token navigation

  /// The token being looked at; never past ``Token/Kind/endOfFile``.
  var current: Token { tokens[position] }

  /// The token `offset` places after the current one (the end-of-file token when past the end).
  func peek(_ offset: Int) -> Token { tokens[min(position + offset, tokens.count - 1)] }

  var isAtEnd: Bool { current.kind == .endOfFile }

  /// Whether the current token closes a block or ends the file.
  var isAtBlockEnd: Bool { current.isSymbol("}") || isAtEnd }

  /// Returns the current token and moves past it (never past the end of the file).
  @discardableResult
  mutating func advance() -> Token {
    let token = current
    if token.kind != .endOfFile { position += 1 }
    return token
  }

  /// The token before the current one.
  var previous: Token { tokens[max(position - 1, 0)] }

  // MARK: - Diagnostics

  mutating func error(_ message: String, at location: SourceLocation) {
    diagnostics.append(Diagnostic(.error, message, at: location))
  }

  /// Whether the lexer already reported a problem at or just before the current token, so an unexpected
  /// token here is most likely a consequence of it.
  var followsLexicalError: Bool { current.isMalformed || (position > 0 && previous.isMalformed) }

  /// Reports `expected <what>, found <current>` at the current token and returns the error that abandons
  /// the statement. Nothing is reported right at or after a token the lexer already complained about.
  mutating func fail(expected what: String) -> SyntaxError {
    if !followsLexicalError {
      error("expected \(what), found \(current.quoted)", at: current.location)
    }
    return SyntaxError()
  }

  // MARK: - Expectations

  /// Consumes the punctuation `symbol` or fails with `expected '<symbol>' <context>`.
  @discardableResult
  mutating func expect(_ symbol: Character, _ context: String) throws(SyntaxError) -> Token {
    guard current.isSymbol(symbol) else { throw fail(expected: "'\(symbol)' \(context)") }
    return advance()
  }

  /// Consumes the `;` ending a statement; a missing one is reported just after the previous token.
  mutating func expectSemicolon(after what: String) throws(SyntaxError) {
    if current.isSymbol(";") {
      advance()
      return
    }
    if !followsLexicalError {
      error("expected ';' after \(what)", at: previous.end)
    }
    throw SyntaxError()
  }

  /// Consumes the keyword `word` or fails.
  mutating func expectWord(_ word: String, _ context: String) throws(SyntaxError) {
    guard current.isWord(word) else { throw fail(expected: "'\(word)' \(context)") }
    advance()
  }

  /// Consumes an identifier, describing what it names on failure (`"a field name"`).
  mutating func expectIdentifier(_ what: String) throws(SyntaxError) -> Located<String> {
    guard current.kind == .identifier else { throw fail(expected: what) }
    let token = advance()
    return Located(token.text, at: token.location)
  }

  /// Consumes an integer literal; its value is `nil` when the lexer found it malformed.
  mutating func expectInteger(_ what: String) throws(SyntaxError) -> Located<Int?> {
    guard current.kind == .integer else { throw fail(expected: what) }
    let token = advance()
    return Located(token.integerValue, at: token.location)
  }

  /// Consumes `true` or `false`.
  mutating func expectBool() throws(SyntaxError) -> Bool {
    if current.isWord("true") {
      advance()
      return true
    }
    if current.isWord("false") {
      advance()
      return false
    }
    throw fail(expected: "'true' or 'false'")
  }

  // MARK: - Recovery

  /// Skips the rest of a broken statement: up to and including the next `;`, or past a balanced `{ ... }`
  /// block, or up to (not including) a `}` that closes the enclosing block.
  mutating func recover() {
    var depth = 0
    while !isAtEnd {
      let token = current
      if token.isSymbol("{") {
        depth += 1
      } else if token.isSymbol("}") {
        if depth == 0 { return }
        depth -= 1
        if depth == 0 {
          advance()
          return
        }
      } else if token.isSymbol(";") && depth == 0 {
        advance()
        return
      }
      advance()
    }
  }

  /// Runs `body` one nesting level deeper, refusing (with a diagnostic at the current token) past
  /// ``maxNestingDepth`` levels; the caller's recovery then skips the over-deep block.
  mutating func nested<Result>(
    _ what: String, _ body: (inout Parser) throws(SyntaxError) -> Result
  ) throws(SyntaxError) -> Result {
    guard nestingDepth < Self.maxNestingDepth else {
      error("\(what) nested too deeply; at most \(Self.maxNestingDepth) levels are allowed", at: current.location)
      throw SyntaxError()
    }
    nestingDepth += 1
    defer { nestingDepth -= 1 }
    return try body(&self)
  }

  /// Parses the members of a `{ ... }` block until its `}` (consumed) or the end of the file, recovering
  /// from each broken member separately. `opening` is the `{` token, `what` names the block for diagnostics.
  mutating func parseBlock(
    opening: Token, _ what: String, member: (inout Parser) throws(SyntaxError) -> Void
  ) {
    while !isAtBlockEnd {
      do throws(SyntaxError) {
        try member(&self)
      } catch {
        recover()
      }
    }
    if current.isSymbol("}") {
      advance()
    } else {
      error(
        "expected '}' to close \(what) opened at line \(opening.location.line)", at: current.location)
    }
  }
}

extension Parser {
  /// Consumes the punctuation `symbol` if it is the current token.
  mutating func consume(_ symbol: Character) -> Bool {
    guard current.isSymbol(symbol) else { return false }
    advance()
    return true
  }

  /// Whether the current token can start a type reference (an identifier or a leading `.`).
  var isAtTypeStart: Bool { current.kind == .identifier || current.isSymbol(".") }
}
