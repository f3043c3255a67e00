/// Splits the text of one `.souk` file into tokens, tracking line and column (in Unicode scalars, 1-based).
///
/// Comments are dropped; `///` lines are kept as documentation of the token that follows them.
/// Lexical mistakes are reported as diagnostics and produce a token marked ``Token/isMalformed``, so the parser
/// can keep going without reporting the same mistake twice.
struct Lexer {
  private static let punctuation: Set<Unicode.Scalar> = ["{", "}", "(", ")", "[", "]", "<", ">", ",", ";", "=", "."]

  private let file: String
  private let scalars: [Unicode.Scalar]
  private var index = 0
  private var line = 1
  private var column = 1
  private var pendingDocumentation: [String] = []
  private(set) var diagnostics: [Diagnostic] = []

  init(file: String, text: String) {
    self.file = file
    var scalars = Array(text.unicodeScalars)
    // A byte order mark is not part of the text.
    if scalars.first == "\u{FEFF}" { scalars.removeFirst() }
    self.scalars = scalars
  }

  /// Returns every token of the file; the last one is always ``Token/Kind/endOfFile``.
  mutating func tokenize() -> [Token] {
    var tokens: [Token] = []
    while true {
      skipTrivia()
      var token = nextToken()
      token.length = token.location.line == line ? max(1, column - token.location.column) : 1
      token.documentation = pendingDocumentation
      pendingDocumentation = []
      tokens.append(token)
      if token.kind == .endOfFile { return tokens }
    }
  }

  // MARK: - Scanning primitives

  private var location: SourceLocation { SourceLocation(file: file, line: line, column: column) }

  private func peek(_ offset: Int = 0) -> Unicode.Scalar? {
    let position = index + offset
    return position < scalars.count ? scalars[position] : nil
  }

  private mutating func advance() {
    if scalars[index] == "\n" {
      line += 1
      column = 1
    } else {
      column += 1
    }
    index += 1
  }

  private mutating func error(_ message: String, at location: SourceLocation) {
    diagnostics.append(Diagnostic(.error, message, at: location))
  }

  // MARK: - Trivia

  private mutating func skipTrivia() {
    while let scalar = peek() {
      if scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r" {
        advance()
      } else if scalar == "/" && peek(1) == "/" {
        skipLineComment()
      } else if scalar == "/" && peek(1) == "*" {
        skipBlockComment()
      } else {
        return
      }
    }
  }

  /// Skips a `//` comment; a `///` comment (but not `////`) becomes a documentation line.
  private mutating func skipLineComment() {
    let isDocumentation = peek(2) == "/" && peek(3) != "/"
    let start = index
    while let scalar = peek(), scalar != "\n" { advance() }
    guard isDocumentation else { return }
    var text = String(String.UnicodeScalarView(scalars[(start + 3)..<index]))
    if text.hasPrefix(" ") { text.removeFirst() }
    while text.last == "\r" || text.last == " " || text.last == "\t" { text.removeLast() }
    pendingDocumentation.append(text)
  }

  private mutating func skipBlockComment() {
    let start = location
    advance()
    advance()
    while let scalar = peek() {
      if scalar == "*" && peek(1) == "/" {
        advance()
        advance()
        return
      }
      advance()
    }
    error("unterminated comment; close it with '*/'", at: start)
  }

  // MARK: - Tokens

  private mutating func nextToken() -> Token {
    let start = location
    guard let scalar = peek() else { return Token(.endOfFile, "", at: start) }
    if Self.punctuation.contains(scalar) {
      advance()
      return Token(.symbol, String(Character(scalar)), at: start)
    }
    if scalar == "\"" { return stringLiteral() }
    if isDigit(scalar) { return number(negative: false) }
    if scalar == "-", let next = peek(1), isDigit(next) {
      advance()
      return number(negative: true, start: start)
    }
    if isIdentifierStart(scalar) { return identifier() }
    return invalidRun()
  }

  private mutating func identifier() -> Token {
    let start = location
    var text = String.UnicodeScalarView()
    var isValid = true
    while let scalar = peek() {
      if isASCIIIdentifierPart(scalar) {
        text.append(scalar)
      } else if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
        text.append(scalar)
        isValid = false
      } else if scalar == "-", let next = peek(1), isASCIIIdentifierPart(next) || next.properties.isAlphabetic {
        text.append(scalar)
        isValid = false
      } else {
        break
      }
      advance()
    }
    let name = String(text)
    if !isValid {
      error("invalid identifier '\(name)': identifiers use only ASCII letters, digits and '_'", at: start)
    }
    return Token(.identifier, name, at: start, isMalformed: !isValid)
  }

  private mutating func number(negative: Bool, start: SourceLocation? = nil) -> Token {
    let start = start ?? location
    var text = String.UnicodeScalarView()
    while let scalar = peek(), isASCIIIdentifierPart(scalar) {
      text.append(scalar)
      advance()
    }
    var isFraction = false
    while peek() == ".", let next = peek(1), isDigit(next) {
      isFraction = true
      text.append(".")
      advance()
      while let scalar = peek(), isASCIIIdentifierPart(scalar) {
        text.append(scalar)
        advance()
      }
    }
    let spelling = (negative ? "-" : "") + String(text)
    func malformed(_ message: String) -> Token {
      error(message, at: start)
      return Token(.integer, spelling, at: start, isMalformed: true)
    }
    if isFraction {
      return malformed("'\(spelling)' is not a whole number; only whole numbers are allowed")
    }
    let digits = String(text)
    let value: Int?
    if text.allSatisfy({ isDigit($0) }) {
      if digits.count > 1 && digits.hasPrefix("0") {
        return malformed("invalid number '\(spelling)': numbers are written without leading zeros")
      }
      value = Int(digits)
    } else if digits.hasPrefix("0x") || digits.hasPrefix("0X"), digits.count > 2,
      digits.dropFirst(2).allSatisfy(\.isHexDigit)
    {
      value = Int(digits.dropFirst(2), radix: 16)
    } else {
      return malformed("'\(spelling)' is neither a number nor an identifier; identifiers start with a letter or '_'")
    }
    if negative {
      return malformed("negative number '\(spelling)' is not allowed; numbers are written without a sign")
    }
    guard let value else { return malformed("number '\(spelling)' is too large") }
    return Token(.integer, spelling, integerValue: value, at: start)
  }

  private mutating func stringLiteral() -> Token {
    let start = location
    advance()  // the opening quote
    var value = String.UnicodeScalarView()
    var isValid = true
    while true {
      guard let scalar = peek(), scalar != "\n" else {
        error("unterminated string; close it with '\"' on the same line", at: start)
        return Token(.string, String(value), at: start, isMalformed: true)
      }
      if scalar == "\"" {
        advance()
        return Token(.string, String(value), at: start, isMalformed: !isValid)
      }
      if scalar == "\\" {
        let escapeStart = location
        advance()
        switch peek() {
        case "\"": value.append("\"")
        case "\\": value.append("\\")
        case "n": value.append("\n")
        case "t": value.append("\t")
        case let other?:
          if other == "\n" { continue }
          error(
            "invalid escape '\\\(Character(other))' in string; use \\\", \\\\, \\n or \\t", at: escapeStart)
          isValid = false
        case nil: continue
        }
        advance()
        continue
      }
      value.append(scalar)
      advance()
    }
  }

  /// Consumes a run of characters that cannot start any token and reports them once.
  private mutating func invalidRun() -> Token {
    let start = location
    var text = String.UnicodeScalarView()
    repeat {
      if let scalar = peek() { text.append(scalar) }
      advance()
    } while peek().map { !isTokenBoundary($0) } ?? false
    let spelling = String(text)
    let shown = spelling.unicodeScalars.map { $0.properties.generalCategory == .control ? "U+\(hex($0))" : String($0) }
    error("unexpected character\(text.count > 1 ? "s" : "") '\(shown.joined())'", at: start)
    return Token(.invalid, spelling, at: start, isMalformed: true)
  }

  // MARK: - Character classes

  private func isDigit(_ scalar: Unicode.Scalar) -> Bool { scalar.value >= 0x30 && scalar.value <= 0x39 }

  private func isASCIIIdentifierPart(_ scalar: Unicode.Scalar) -> Bool {
    scalar.isASCII && (scalar.properties.isAlphabetic || isDigit(scalar) || scalar == "_")
  }

  private func isIdentifierStart(_ scalar: Unicode.Scalar) -> Bool {
    scalar == "_" || scalar.properties.isAlphabetic
  }

  private func isTokenBoundary(_ scalar: Unicode.Scalar) -> Bool {
    scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r" || scalar == "\"" || scalar == "/"
      || Self.punctuation.contains(scalar) || isIdentifierStart(scalar) || isDigit(scalar)
  }

  private func hex(_ scalar: Unicode.Scalar) -> String {
    let digits = String(scalar.value, radix: 16, uppercase: true)
    return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
  }
}
