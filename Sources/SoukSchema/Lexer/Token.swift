/// One lexical unit of a `.souk` file.
struct Token: Hashable, Sendable {
  /// What a token is; its spelling is in ``Token/text``.
  enum Kind: Hashable, Sendable {
    /// A name or keyword: keywords are recognised by the parser from context.
    case identifier
    /// A decimal or hexadecimal number; its value is in ``Token/integerValue``.
    case integer
    /// A string literal; ``Token/text`` holds the decoded value.
    case string
    /// A single punctuation character such as `{`, `;` or `.`.
    case symbol
    /// Text the lexer could not make sense of (already diagnosed).
    case invalid
    /// The end of the file.
    case endOfFile
  }

  var kind: Kind
  /// The spelling (identifiers, symbols, numbers) or decoded value (strings).
  var text: String
  /// The value of an integer literal; `nil` when it is malformed or too large (already diagnosed).
  var integerValue: Int?
  var location: SourceLocation
  /// How many Unicode scalars the token spans on its line.
  var length = 1
  /// Whether the lexer already reported a problem with this token, so the parser must not add another one.
  var isMalformed: Bool
  /// The `///` lines written just before this token.
  var documentation: [String]

  init(
    _ kind: Kind, _ text: String, integerValue: Int? = nil, at location: SourceLocation, isMalformed: Bool = false,
    documentation: [String] = []
  ) {
    self.kind = kind
    self.text = text
    self.integerValue = integerValue
    self.location = location
    self.isMalformed = isMalformed
    self.documentation = documentation
  }

  /// Whether this is the punctuation `symbol`.
  func isSymbol(_ symbol: Character) -> Bool { kind == .symbol && text == String(symbol) }

  /// Whether this is the identifier (or keyword) `word`.
  func isWord(_ word: String) -> Bool { kind == .identifier && text == word }

  /// The location just past the token, where a missing `;` after it is reported.
  var end: SourceLocation {
    SourceLocation(file: location.file, line: location.line, column: location.column + length)
  }

  /// How diagnostics quote this token: `'foo'`, `string "a"`, `end of file`.
  var quoted: String {
    switch kind {
    case .endOfFile: "end of file"
    case .string: "string \"\(text)\""
    default: "'\(text)'"
    }
  }
}
